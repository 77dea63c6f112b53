import { z } from 'zod';
import { orgId } from '../../domain';

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const leadParams = z.object({ leadId: id });
export const repParams = z.object({ repId: orgId });
export const teamParams = z.object({ teamId: orgId });
export const poolParams = z.object({ poolId: orgId });
export const accountParams = z.object({ accountKey: id });
export const rulesVersionParams = z.object({
  version: z.union([z.literal('latest'), z.coerce.number().int('must be an integer').min(1, 'must be >= 1')]),
});

export const outOfOfficeBody = z.object({ periods: z.array(z.unknown()) });

const isoTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time with an offset' })
  .transform((s) => Date.parse(s));

export const dryRunBody = z
  .strictObject({
    draft: z.record(z.string(), z.unknown()),
    from: isoTime,
    to: isoTime,
    maxChanges: z.number().int().min(0).max(10_000).default(100),
  })
  .refine((b) => b.to > b.from, { message: 'must be after from', path: ['to'] });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');
export const loadQuery = z
  .object({
    from: day,
    to: day,
    repIds: z
      .string()
      .optional()
      .transform((s) => (s === undefined || s === '' ? null : s.split(','))),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

export const heldQuery = z.object({ held: z.coerce.number().int().min(0).max(1_000).default(50) });
