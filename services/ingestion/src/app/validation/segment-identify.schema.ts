import { z } from 'zod';
import { plainObject } from './common.schema';
import { parseWithSchema } from './schema-parser';
import {
  segmentCommonFields,
  segmentTypeLiteral,
  whoIsRequired,
  withCallType,
} from './segment-common.schema';
import type { ValidationResult } from './validation-result';

export const identifyCallSchema = z
  .object(
    { type: segmentTypeLiteral('identify'), ...segmentCommonFields, traits: plainObject.default({}) },
    { error: 'must be an object' },
  )
  .refine(whoIsRequired.check, whoIsRequired.params);

export type IdentifyCall = z.output<typeof identifyCallSchema>;

export function parseIdentifyCall(input: unknown): ValidationResult<IdentifyCall> {
  return parseWithSchema(identifyCallSchema, withCallType(input, 'identify'));
}
