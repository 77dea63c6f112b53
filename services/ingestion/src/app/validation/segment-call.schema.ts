import { z } from 'zod';
import { parseWithSchema } from './schema-parser';
import { groupCallSchema } from './segment-group.schema';
import { identifyCallSchema } from './segment-identify.schema';
import { pageCallSchema } from './segment-page.schema';
import { trackCallSchema } from './segment-track.schema';
import type { ValidationResult } from './validation-result';

/** Any supported Segment call, told apart by `type`; screen and alias calls are not supported. */
export const segmentCallSchema = z.discriminatedUnion(
  'type',
  [identifyCallSchema, trackCallSchema, pageCallSchema, groupCallSchema],
  {
    error: (issue) => {
      if (typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input))
        return 'must be an object';
      return 'must be one of "identify", "track", "page", "group"';
    },
  },
);

export type SegmentCall = z.output<typeof segmentCallSchema>;

export function parseSegmentCall(input: unknown): ValidationResult<SegmentCall> {
  return parseWithSchema(segmentCallSchema, input);
}
