import { z } from 'zod';
import { boundedString, plainObject } from './common.schema';
import { parseWithSchema } from './schema-parser';
import {
  segmentCommonFields,
  segmentTypeLiteral,
  whoIsRequired,
  withCallType,
} from './segment-common.schema';
import type { ValidationResult } from './validation-result';

export const pageCallSchema = z
  .object(
    {
      type: segmentTypeLiteral('page'),
      ...segmentCommonFields,
      name: boundedString().optional(),
      category: boundedString().optional(),
      properties: plainObject.default({}),
    },
    { error: 'must be an object' },
  )
  .refine(whoIsRequired.check, whoIsRequired.params);

export type PageCall = z.output<typeof pageCallSchema>;

export function parsePageCall(input: unknown): ValidationResult<PageCall> {
  return parseWithSchema(pageCallSchema, withCallType(input, 'page'));
}
