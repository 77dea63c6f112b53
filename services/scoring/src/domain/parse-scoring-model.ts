import { z } from 'zod';
import { SCORE_BANDS } from './band';
import { REGIONS, SENIORITIES, TOUCHPOINT_TYPES } from './lead-signals';
import type { Condition, ScoringModel, ScoringRule } from './scoring-model';

// Validation lives in the domain: these are the model's invariants, shared by the bundled files and the admin API.

const id = z
  .string()
  .regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, "-" or "_")');
const slug = id;
const text = z.string().trim().min(1, 'must not be empty');
const domain = z
  .string()
  .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a lower-case domain such as "example.com"');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case');
const count = z.number().int('must be an integer').nonnegative('must be >= 0');
const positiveDays = z.number().positive('must be > 0').finite();
const propertyValue = z.union([z.string(), z.number().finite(), z.boolean()]);
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must list at least one value');

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('employee_count'), min: count.optional(), max: count.optional() })
      .refine((c) => c.min !== undefined || c.max !== undefined, {
        message: 'needs min or max',
        path: ['min'],
      })
      .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
        message: 'must be <= max',
        path: ['min'],
      }),
    z.strictObject({ kind: z.literal('target_industry') }),
    z.strictObject({ kind: z.literal('industry_in'), industries: nonEmpty(slug) }),
    z.strictObject({ kind: z.literal('target_geography') }),
    z.strictObject({ kind: z.literal('country_in'), countries: nonEmpty(country) }),
    z.strictObject({ kind: z.literal('region_in'), regions: nonEmpty(z.enum(REGIONS)) }),
    z.strictObject({ kind: z.literal('seniority_in'), seniorities: nonEmpty(z.enum(SENIORITIES)) }),
    z.strictObject({ kind: z.literal('property_equals'), property: text, value: propertyValue }),
    z.strictObject({ kind: z.literal('property_in'), property: text, values: nonEmpty(propertyValue) }),
    z.strictObject({ kind: z.literal('email_domain_in'), domains: nonEmpty(domain) }),
    z.strictObject({ kind: z.literal('competitor_domain') }),
    z.strictObject({ kind: z.literal('free_mail') }),
    z.strictObject({ kind: z.literal('student') }),
    z.strictObject({ kind: z.literal('all'), conditions: nonEmpty(conditionSchema) }),
    z.strictObject({ kind: z.literal('any'), conditions: nonEmpty(conditionSchema) }),
    z.strictObject({ kind: z.literal('not'), condition: conditionSchema }),
  ]),
);

const ruleBase = {
  id,
  name: text,
  points: z
    .number()
    .finite()
    .refine((p) => p !== 0, 'must not be 0 (a rule worth nothing is noise)'),
  group: id.optional(),
  doc: z.string().optional(),
};

const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleBase, kind: z.literal('fit'), condition: conditionSchema }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('engagement'),
    touchpointTypes: nonEmpty(z.enum(TOUCHPOINT_TYPES)),
    minCount: z.number().int('must be an integer').min(1, 'must be >= 1').default(1),
    scoring: z.enum(['once', 'per_occurrence']).default('once'),
    withinDays: positiveDays.optional(),
    halfLifeDays: positiveDays.optional(),
  }),
]);

const capSchema = z.number().finite().nonnegative('must be >= 0');

const usesCondition = (condition: Condition, kind: Condition['kind']): boolean => {
  switch (condition.kind) {
    case 'all':
    case 'any':
      return condition.conditions.some((c) => usesCondition(c, kind));
    case 'not':
      return usesCondition(condition.condition, kind);
    default:
      return condition.kind === kind;
  }
};

const conditionsOf = (
  model: Pick<ScoringModel, 'rules' | 'disqualifiers'>,
): { path: (string | number)[]; condition: Condition }[] => [
  ...model.rules.flatMap((rule, i) =>
    rule.kind === 'fit' ? [{ path: ['rules', i, 'condition'], condition: rule.condition }] : [],
  ),
  ...model.disqualifiers.map((d, i) => ({ path: ['disqualifiers', i, 'condition'], condition: d.condition })),
];

export const scoringModelSchema: z.ZodType<ScoringModel> = z
  .strictObject({
    id,
    version: z.number().int('must be an integer').min(1, 'must be >= 1'),
    name: text,
    description: text,
    targetIndustries: z.array(slug),
    targetCountries: z.array(country),
    targetRegions: z.array(z.enum(REGIONS)),
    competitorDomains: z.array(domain),
    rules: z.array(ruleSchema).min(1, 'a model needs at least one rule'),
    disqualifiers: z.array(
      z.strictObject({ id, reason: text, condition: conditionSchema, doc: z.string().optional() }),
    ),
    caps: z
      .strictObject({
        total: capSchema.optional(),
        fit: capSchema.optional(),
        engagement: capSchema.optional(),
        groups: z.record(id, capSchema).default({}),
      })
      .default({ groups: {} }),
    bands: z
      .array(
        z.strictObject({ band: z.enum(SCORE_BANDS), min: z.number().finite().nonnegative('must be >= 0') }),
      )
      .min(1),
  })
  .superRefine((model, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    const seen = new Map<string, number>();
    model.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        issue(['rules', i, 'id'], `duplicate rule id "${rule.id}" (also rules[${seen.get(rule.id)}])`);
      else seen.set(rule.id, i);
    });
    const seenDisqualifiers = new Set<string>();
    model.disqualifiers.forEach((d, i) => {
      if (seenDisqualifiers.has(d.id) || seen.has(d.id))
        issue(['disqualifiers', i, 'id'], `duplicate id "${d.id}"`);
      seenDisqualifiers.add(d.id);
    });

    // A named group caps points inside one sub-score; spanning fit and engagement would make the split meaningless.
    const groupKinds = new Map<string, ScoringRule['kind']>();
    model.rules.forEach((rule, i) => {
      if (rule.group === undefined) return;
      if (rule.group === 'fit' || rule.group === 'engagement') {
        issue(
          ['rules', i, 'group'],
          'must not be "fit" or "engagement": those are capped by caps.fit and caps.engagement',
        );
        return;
      }
      const kind = groupKinds.get(rule.group);
      if (kind !== undefined && kind !== rule.kind)
        issue(['rules', i, 'group'], `group "${rule.group}" already holds ${kind} rules`);
      else groupKinds.set(rule.group, rule.kind);
    });
    for (const group of Object.keys(model.caps.groups)) {
      if (!groupKinds.has(group)) issue(['caps', 'groups', group], `no rule belongs to group "${group}"`);
    }

    model.bands.forEach((threshold, i) => {
      const previous = model.bands[i - 1];
      if (previous !== undefined && threshold.min >= previous.min)
        issue(['bands', i, 'min'], 'bands must be ordered by strictly decreasing min');
      if (model.bands.findIndex((b) => b.band === threshold.band) !== i)
        issue(['bands', i, 'band'], `duplicate band "${threshold.band}"`);
    });
    const last = model.bands[model.bands.length - 1];
    if (last !== undefined && last.min !== 0)
      issue(
        ['bands', model.bands.length - 1, 'min'],
        'the lowest band must start at 0 so that every total has a band',
      );
    const totalCap = model.caps.total;
    model.bands.forEach((threshold, i) => {
      if (totalCap !== undefined && threshold.min > totalCap)
        issue(['bands', i, 'min'], `is above caps.total (${totalCap}): the band is unreachable`);
    });

    for (const { path, condition } of conditionsOf(model)) {
      if (usesCondition(condition, 'target_industry') && model.targetIndustries.length === 0)
        issue(path, 'uses target_industry but targetIndustries is empty');
      if (
        usesCondition(condition, 'target_geography') &&
        model.targetCountries.length === 0 &&
        model.targetRegions.length === 0
      ) {
        issue(path, 'uses target_geography but targetCountries and targetRegions are empty');
      }
      if (usesCondition(condition, 'competitor_domain') && model.competitorDomains.length === 0)
        issue(path, 'uses competitor_domain but competitorDomains is empty');
    }
  });

/** A field-level problem in a model document: `path` like "rules[2].points". */
export type ModelFieldError = { path: string; message: string };

export type ParseScoringModelResult =
  { ok: true; model: ScoringModel } | { ok: false; errors: ModelFieldError[] };

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '') || '(root)';

/** Parses an untrusted model document (a bundled file or an admin API body) into a model or field-level errors. */
export const parseScoringModel = (document: unknown): ParseScoringModelResult => {
  const result = scoringModelSchema.safeParse(document);
  if (result.success) return { ok: true, model: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  };
};
