import { z } from 'zod';
import { plainObject } from './common.schema';
import { parseWithSchema } from './schema-parser';
import { segmentCommonFields, segmentTypeLiteral, whoIsRequired } from './segment-common.schema';
import type { ValidationResult } from './validation-result';

export const identifyCallSchema = z
  .object({ type: segmentTypeLiteral('identify'), ...segmentCommonFields, traits: plainObject.default({}) }, { error: 'must be an object' })
  .refine(whoIsRequired.check, whoIsRequired.params);

export type IdentifyCall = z.output<typeof identifyCallSchema>;

/** Body of POST /v1/identify; `type` may be omitted there because the route says it. */
export function parseIdentifyCall(input: unknown): ValidationResult<IdentifyCall> {
  return parseWithSchema(identifyCallSchema, withType(input, 'identify'));
}

function withType(input: unknown, type: string): unknown {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && !('type' in input) ? { ...input, type } : input;
}
