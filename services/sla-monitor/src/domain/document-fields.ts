import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { SlaDuration } from './sla-duration';

// Field rules shared by the calendar and policy documents (bundled files and the admin API alike).

export const documentId = z
  .string()
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, "-" or "_")');
export const documentVersion = z.number().int('must be an integer').min(1, 'must be >= 1');
export const text = z.string().trim().min(1, 'must not be empty');
export const label = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const timeZone = z
  .string()
  .refine((tz) => IANAZone.isValidZone(tz), 'must be an IANA time zone such as "Europe/Berlin"');

const hours = z
  .number()
  .finite()
  .nonnegative('must be >= 0')
  .max(24 * 366, 'must be at most a year of hours');

export const durationSchema: z.ZodType<SlaDuration> = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('business'), hours }),
    z.strictObject({
      kind: z.literal('calendar'),
      days: z.number().int('must be a whole number of days').nonnegative('must be >= 0').max(366),
      hours: hours.default(0),
    }),
  ])
  .refine((d) => d.hours !== 0 || (d.kind === 'calendar' && d.days !== 0), {
    message: 'must be longer than zero',
    path: ['hours'],
  });
