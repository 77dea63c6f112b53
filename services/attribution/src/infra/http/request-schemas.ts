import { z } from 'zod';

const id = z.string().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const time = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00Z',
});
const kind = z.enum(['mql', 'sql', 'opportunity', 'won']);
const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(item));

export const conversionParams = z.object({ conversionId: id });
export const opportunityParams = z.object({ opportunityId: id });
export const modelQuery = z.object({ model: id.optional() });

const period = {
  from: time.transform((s) => Date.parse(s)),
  to: time.transform((s) => Date.parse(s)),
};
const ordered = <T extends { from: number; to: number }>(q: z.ZodType<T>) =>
  q.refine((p) => p.from < p.to, { message: 'must be after from', path: ['to'] });

export const periodQuery = ordered(
  z.object({
    ...period,
    by: z.enum(['channel', 'campaign']).default('channel'),
    models: list(id).optional(),
    kinds: list(kind).optional(),
  }),
);

export const dataDrivenQuery = ordered(
  z.object({
    ...period,
    kind: kind.default('won'),
    model: z.enum(['markov', 'shapley']).optional(),
    order: z.coerce.number().int().min(1).max(4, 'must be <= 4').optional(),
    transform: z.enum(['unique', 'exposure', 'first', 'frequency']).optional(),
    value: z.enum(['conversions', 'conversion_rate']).optional(),
    replicates: z.coerce.number().int().min(0).max(2_000, 'must be <= 2000').optional(),
  }),
);

export const spendQuery = ordered(
  z.object({
    ...period,
    by: z.enum(['channel', 'campaign']).default('channel'),
    model: id.default('linear'),
  }),
);

/** An ad-hoc rule model: `shares` as `first:50,last:30,rest:20` for a custom one. */
export const previewQuery = z.object({
  family: z.string().min(1, 'must name a model family'),
  halfLifeDays: z.coerce.number().optional(),
  touches: z.enum(['marketing', 'with_sales']).optional(),
  name: z.string().optional(),
  shares: z
    .string()
    .regex(
      /^([a-z_]+:[0-9.]+)(,[a-z_]+:[0-9.]+)*$/,
      'must be anchor:percent pairs, e.g. first:50,last:30,rest:20',
    )
    .transform((s) => Object.fromEntries(s.split(',').map((p) => [p.split(':')[0], Number(p.split(':')[1])])))
    .optional(),
});

/** Fit a data-driven model over a period and credit its conversions with it. */
export const publishDataDrivenBody = ordered(
  z.strictObject({
    ...period,
    kind: kind.default('won'),
    model: z.enum(['markov', 'shapley']),
    order: z.number().int().min(1).max(4, 'must be <= 4').optional(),
    transform: z.enum(['unique', 'exposure', 'first', 'frequency']).optional(),
    value: z.enum(['conversions', 'conversion_rate']).optional(),
    replicates: z.number().int().min(0).max(2_000, 'must be <= 2000').optional(),
  }),
);
