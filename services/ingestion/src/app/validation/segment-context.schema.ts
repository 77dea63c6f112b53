import { z } from 'zod';
import { boundedString, plainObject, segmentId } from './common.schema';

const optionalString = boundedString().optional();

/** The parts of Segment's `context` we use; other context fields are ignored. */
export const segmentContextSchema = z.object(
  {
    ip: z.union([z.ipv4(), z.ipv6()], { error: 'must be an IPv4 or IPv6 address' }).optional(),
    userAgent: optionalString,
    locale: optionalString,
    timezone: optionalString,
    groupId: segmentId.optional(),
    traits: plainObject.optional(),
    page: z
      .object(
        {
          url: optionalString,
          path: optionalString,
          referrer: optionalString,
          title: optionalString,
          search: optionalString,
        },
        { error: 'must be an object' },
      )
      .optional(),
    campaign: z
      .object(
        {
          name: optionalString,
          source: optionalString,
          medium: optionalString,
          term: optionalString,
          content: optionalString,
        },
        { error: 'must be an object' },
      )
      .optional(),
    library: z
      .object({ name: optionalString, version: optionalString }, { error: 'must be an object' })
      .optional(),
  },
  { error: 'must be an object' },
);

export type SegmentContext = z.output<typeof segmentContextSchema>;
