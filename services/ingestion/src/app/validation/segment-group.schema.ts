import { z } from 'zod';
import { plainObject, segmentId } from './common.schema';
import { parseWithSchema } from './schema-parser';
import {
  segmentCommonFields,
  segmentTypeLiteral,
  whoIsRequired,
  withCallType,
} from './segment-common.schema';
import type { ValidationResult } from './validation-result';

export const groupCallSchema = z
  .object(
    {
      type: segmentTypeLiteral('group'),
      ...segmentCommonFields,
      groupId: segmentId,
      traits: plainObject.default({}),
    },
    { error: 'must be an object' },
  )
  .refine(whoIsRequired.check, whoIsRequired.params);

export type GroupCall = z.output<typeof groupCallSchema>;

export function parseGroupCall(input: unknown): ValidationResult<GroupCall> {
  return parseWithSchema(groupCallSchema, withCallType(input, 'group'));
}
