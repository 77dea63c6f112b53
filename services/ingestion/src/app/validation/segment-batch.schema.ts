import { z } from 'zod';
import { isoDateTime } from './common.schema';
import { parseWithSchema } from './schema-parser';
import { segmentCallSchema, type SegmentCall } from './segment-call.schema';
import { segmentContextSchema } from './segment-context.schema';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

export const segmentBatchSchema = z
  .object(
    {
      batch: z
        .array(segmentCallSchema, { error: 'must be an array of calls' })
        .min(1, 'must contain at least one call')
        .max(VALIDATION_LIMITS.maxBatch, `must contain at most ${VALIDATION_LIMITS.maxBatch} calls`),
      context: segmentContextSchema.optional(),
      sentAt: isoDateTime.optional(),
    },
    { error: 'must be an object' },
  )
  // Libraries put sentAt (and sometimes context) on the batch: hand them down so every call
  // can be processed alone, a call's own fields winning.
  .transform(({ batch, context, sentAt }): { batch: SegmentCall[] } => ({
    batch: batch.map((call) => ({
      ...call,
      sentAt: call.sentAt ?? sentAt,
      context:
        context === undefined && call.context === undefined ? undefined : { ...context, ...call.context },
    })),
  }));

export type SegmentBatch = z.output<typeof segmentBatchSchema>;

/** Body of POST /v1/batch. Depth is counted from each call, not from the envelope. */
export function parseSegmentBatch(input: unknown): ValidationResult<SegmentBatch> {
  return parseWithSchema(segmentBatchSchema, input, { rootDepth: -1 });
}
