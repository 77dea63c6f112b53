import { z } from 'zod';

const slug = z
  .string()
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, "-" or "_")');
const version = z.coerce.number().int('must be an integer').min(1, 'must be >= 1');
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' });

export const documentParams = z.object({ id: slug });
export const documentVersionParams = z.object({ id: slug, v: version });

export const recordParams = z.object({ recordId: z.uuid('must be a UUID') });

export const atRiskQuery = z.object({
  withinHours: z.coerce
    .number()
    .min(0, 'must be >= 0')
    .max(24 * 365, 'must be at most a year')
    .default(24),
  limit: z.coerce
    .number()
    .int('must be an integer')
    .min(1, 'must be >= 1')
    .max(1_000, 'must be <= 1000')
    .default(100),
});

export const pauseBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  at: instant.optional(),
});

export const attainmentQuery = z
  .object({
    groupBy: z.enum(['rep', 'team', 'policy']).default('rep'),
    kind: z.enum(['response', 'disposition']).optional(),
    bucket: z.enum(['day', 'week', 'month']).optional(),
    from: instant,
    to: instant,
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'must be after from', path: ['to'] });
