import { z } from 'zod';
import { plainObject } from './common.schema';
import { parseWithSchema } from './schema-parser';
import {
  segmentCommonFields,
  segmentTypeLiteral,
  whoIsRequired,
  withCallType,
} from './segment-common.schema';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

export const trackCallSchema = z
  .object(
    {
      type: segmentTypeLiteral('track'),
      ...segmentCommonFields,
      event: z
        .string({ error: 'must be a string' })
        .trim()
        .min(1, 'must not be empty')
        .max(VALIDATION_LIMITS.maxEventName, `must be at most ${VALIDATION_LIMITS.maxEventName} characters`),
      properties: plainObject.default({}),
    },
    { error: 'must be an object' },
  )
  .refine(whoIsRequired.check, whoIsRequired.params);

export type TrackCall = z.output<typeof trackCallSchema>;

export function parseTrackCall(input: unknown): ValidationResult<TrackCall> {
  return parseWithSchema(trackCallSchema, withCallType(input, 'track'));
}
