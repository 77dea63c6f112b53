import { z } from 'zod';
import { ACCOUNT_SCORE_BANDS, ACCOUNT_TIERS, type Icp, type IcpCondition } from './icp';
import { REGIONS } from './lead-signals';
import type { ModelFieldError } from './parse-scoring-model';

// The ICP's invariants, shared by the bundled files and the admin API (400 with field paths).

const id = z
  .string()
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, "-" or "_")');
const text = z.string().trim().min(1, 'must not be empty');
const domain = z
  .string()
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a lower-case domain such as "example.com"');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case');
const amount = z.number().finite().nonnegative('must be >= 0');
const weight = z.number().finite().nonnegative('must be >= 0 (engagement never lowers an account)');
const propertyValue = z.union([z.string(), z.number().finite(), z.boolean()]);
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must list at least one value');

const range = <K extends 'employee_count' | 'revenue'>(kind: K) =>
  z
    .strictObject({ kind: z.literal(kind), min: amount.optional(), max: amount.optional() })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'needs min or max', path: ['min'] })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: 'must be <= max',
      path: ['min'],
    });

const conditionSchema: z.ZodType<IcpCondition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    range('employee_count'),
    range('revenue'),
    z.strictObject({ kind: z.literal('industry_in'), industries: nonEmpty(id) }),
    z.strictObject({ kind: z.literal('country_in'), countries: nonEmpty(country) }),
    z.strictObject({ kind: z.literal('region_in'), regions: nonEmpty(z.enum(REGIONS)) }),
    z.strictObject({ kind: z.literal('domain_in'), domains: nonEmpty(domain) }),
    z.strictObject({ kind: z.literal('property_equals'), property: text, value: propertyValue }),
    z.strictObject({ kind: z.literal('property_in'), property: text, values: nonEmpty(propertyValue) }),
    z.strictObject({ kind: z.literal('all'), conditions: nonEmpty(conditionSchema) }),
    z.strictObject({ kind: z.literal('any'), conditions: nonEmpty(conditionSchema) }),
    z.strictObject({ kind: z.literal('not'), condition: conditionSchema }),
  ]),
);

const strictlyDecreasing = <T extends { min: number }>(
  list: readonly T[],
  key: (t: T) => string,
  issue: (path: (string | number)[], message: string) => void,
  name: string,
): void => {
  list.forEach((entry, i) => {
    const previous = list[i - 1];
    if (previous !== undefined && entry.min >= previous.min)
      issue([name, i, 'min'], `${name} must be ordered by strictly decreasing min`);
    if (list.findIndex((other) => key(other) === key(entry)) !== i)
      issue([name, i], `duplicate ${name.replace(/s$/, '')} "${key(entry)}"`);
  });
};

export const icpSchema: z.ZodType<Icp> = z
  .strictObject({
    id,
    version: z.number().int('must be an integer').min(1, 'must be >= 1'),
    name: text,
    description: text,
    revenueProperty: text.default('annualRevenue'),
    rules: z
      .array(
        z.strictObject({
          id,
          name: text,
          points: z
            .number()
            .finite()
            .refine((p) => p !== 0, 'must not be 0 (a rule worth nothing is noise)'),
          condition: conditionSchema,
          doc: z.string().optional(),
        }),
      )
      .min(1, 'an ICP needs at least one rule'),
    exclusions: z.array(
      z.strictObject({ id, reason: text, condition: conditionSchema, doc: z.string().optional() }),
    ),
    tiers: z
      .array(z.strictObject({ tier: z.enum(ACCOUNT_TIERS), min: z.number().finite() }))
      .min(1, 'an ICP needs at least one tier'),
    engagement: z.strictObject({
      engagedAt: z.number().finite().positive('must be > 0'),
      leadEngagementWeight: weight,
      maxLeadEngagementPoints: weight.optional(),
      pointsPerEngagedLead: weight,
      maxEngagedLeads: z.number().int('must be an integer').min(1, 'must be >= 1').optional(),
      pointsPerSeniorityLevel: weight,
    }),
    bands: z
      .array(z.strictObject({ band: z.enum(ACCOUNT_SCORE_BANDS), min: amount }))
      .min(1, 'an ICP needs at least one band'),
  })
  .superRefine((icp, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const ids = new Map<string, string>();
    icp.rules.forEach((rule, i) => {
      const other = ids.get(rule.id);
      if (other !== undefined) issue(['rules', i, 'id'], `duplicate id "${rule.id}" (also ${other})`);
      else ids.set(rule.id, `rules[${i}]`);
    });
    icp.exclusions.forEach((exclusion, i) => {
      const other = ids.get(exclusion.id);
      if (other !== undefined)
        issue(['exclusions', i, 'id'], `duplicate id "${exclusion.id}" (also ${other})`);
      else ids.set(exclusion.id, `exclusions[${i}]`);
    });
    strictlyDecreasing(icp.tiers, (t) => t.tier, issue, 'tiers');
    // Tier 1 is the best: the order of the names follows the order of the thresholds.
    icp.tiers.forEach((t, i) => {
      const previous = icp.tiers[i - 1];
      if (previous !== undefined && ACCOUNT_TIERS.indexOf(t.tier) < ACCOUNT_TIERS.indexOf(previous.tier))
        issue(['tiers', i, 'tier'], `${t.tier} must come before ${previous.tier} (tier_1 is the highest)`);
    });
    strictlyDecreasing(icp.bands, (b) => b.band, issue, 'bands');
    const last = icp.bands[icp.bands.length - 1];
    if (last !== undefined && last.min !== 0)
      issue(
        ['bands', icp.bands.length - 1, 'min'],
        'the lowest band must start at 0 so that every total has a band',
      );
  });

export type ParseIcpResult = { ok: true; icp: Icp } | { ok: false; errors: ModelFieldError[] };

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '') || '(root)';

/** Parses an untrusted ICP document (a bundled file or an admin API body) into an ICP or field-level errors. */
export const parseIcp = (document: unknown): ParseIcpResult => {
  const result = icpSchema.safeParse(document);
  if (result.success) return { ok: true, icp: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  };
};
