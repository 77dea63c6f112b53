import { z } from 'zod';

// Shapes only; the read models reject what parses but does not exist (month 13, week 54) with
// InvalidQueryError, which names the same field.
const periodId = z
  .string()
  .regex(
    /^\d{4}-(Q[1-4]|(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3]))$/,
    'must be a quarter (2026-Q4), a month (2026-11) or an ISO week (2026-W48)',
  );
const weekId = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week (2026-W48)');
const filterValue = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const owner = z.enum(['marketing', 'sales', 'shared']);

export const dashboardQuery = z.object({
  period: periodId,
  segment: filterValue.optional(),
  region: filterValue.optional(),
  channel: filterValue.optional(),
  team: filterValue.optional(),
});

export const weekParams = z.object({ week: weekId });
export const periodParams = z.object({ period: periodId });

export const targetsBody = z.object({
  targets: z
    .array(
      z.object({
        metricId: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
        target: z.number().finite().nullable(),
        owner,
      }),
    )
    .min(1, 'must list at least one metric')
    .max(200, 'must list at most 200 metrics'),
});

export const actionItemBody = z.object({
  week: weekId,
  owner,
  text: z.string().trim().min(1, 'must not be empty').max(2_000, 'must be at most 2000 characters'),
  due: z.iso.date({ error: 'must be a date (2026-12-11)' }).nullable().default(null),
});

export const actionItemParams = z.object({
  id: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});
export const actionItemPatch = z.object({ done: z.boolean() });

export const sessionBody = z.object({
  key: z.string().min(1, 'must not be empty').max(512, 'must be at most 512 characters'),
});

export const assetParams = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,80}$/, 'must be the name of an asset'),
});
