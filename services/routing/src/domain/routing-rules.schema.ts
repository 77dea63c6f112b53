import { ACCOUNT_BAND_SYMBOLS, ACCOUNT_TIER_SYMBOLS, symbolsWithout } from '@smarketing/contracts';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseWith, type FieldError, type Parsed } from './field-errors';
import type { SalesOrg } from './sales-org';
import { orgId } from './sales-org.schema';
import { LIST_FIELDS, type ListField, type RoutingRules } from './routing-rules';

// The rules document's invariants, shared by the files in services/routing/rules and the admin API.

const text = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
const count = z.number().int('must be an integer').min(0, 'must be >= 0');

// 'unknown' is the symbol a reader decodes an enum value it does not know into: it names no tier
// a rule could mean, so a rule cannot ask for it.
export const ACCOUNT_TIERS = symbolsWithout(ACCOUNT_TIER_SYMBOLS, 'unknown');
export const ACCOUNT_BANDS = symbolsWithout(ACCOUNT_BAND_SYMBOLS, 'unknown');

const values = <V extends z.ZodType<string>>(value: V) =>
  z.array(value).min(1, 'must list at least one value');
const oneOf = <S extends string>(symbols: readonly S[]) =>
  z.enum(symbols, { error: `must be one of ${symbols.join(', ')}` });
const FREE_LIST_FIELDS = LIST_FIELDS.filter(
  (f): f is Exclude<ListField, 'accountTier' | 'accountBand'> => f !== 'accountTier' && f !== 'accountBand',
);

const conditionSchema = z.discriminatedUnion(
  'field',
  [
    z
      .strictObject({ field: z.literal('employees'), min: count.optional(), max: count.optional() })
      .refine((c) => c.min !== undefined || c.max !== undefined, {
        message: 'needs min or max',
        path: ['min'],
      })
      .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
        message: 'must be <= max',
        path: ['min'],
      }),
    z.strictObject({ field: z.enum(FREE_LIST_FIELDS), in: values(z.string().min(1)) }),
    z.strictObject({
      field: z.literal('accountTier'),
      in: values(oneOf(ACCOUNT_TIERS)),
    }),
    z.strictObject({
      field: z.literal('accountBand'),
      in: values(oneOf(ACCOUNT_BANDS)),
    }),
  ],
  { error: `field must be one of employees, ${LIST_FIELDS.join(', ')}` },
);

const nobodyEligibleSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('hold') }),
  z.strictObject({ action: z.literal('escalate') }),
  z.strictObject({ action: z.literal('queue'), queue: orgId }),
]);

const ruleSchema = z.strictObject({
  id: orgId,
  name: text,
  when: z.array(conditionSchema).default([]),
  pool: orgId,
  accountOwnerFirst: z.boolean().default(true),
  whenNobodyEligible: nobodyEligibleSchema.default({ action: 'hold' }),
  sla: z
    .strictObject({
      onBreach: z.enum(['reassign', 'escalate', 'ignore']).default('reassign'),
      maxReassignments: z.number().int('must be an integer').min(0).max(20).default(2),
    })
    .default({ onBreach: 'reassign', maxReassignments: 2 }),
});

const poolSchema = z.strictObject({
  id: orgId,
  name: text,
  teamId: orgId,
  strategy: z.enum(['round_robin', 'count_based']),
  members: z
    .array(
      z.strictObject({
        repId: orgId,
        weight: z
          .number()
          .int('must be an integer')
          .min(1, 'must be >= 1')
          .max(100, 'must be <= 100')
          .optional(),
      }),
    )
    .min(1, 'a pool needs at least one member'),
  comeback: z
    .discriminatedUnion('policy', [
      z.strictObject({ policy: z.literal('none') }),
      z.strictObject({ policy: z.literal('catch_up') }),
      z.strictObject({
        policy: z.literal('catch_up_capped'),
        max: z.number().int().min(1, 'must be >= 1').max(1000),
      }),
    ])
    .default({ policy: 'none' }),
  countPeriod: z.enum(['day', 'week', 'month', 'all']).default('day'),
  timeZone: z
    .string()
    .refine((tz) => IANAZone.isValidZone(tz), 'must be an IANA time zone such as "Europe/Berlin"')
    .default('UTC'),
});

export const routingRulesSchema = z
  .strictObject({
    version: z.number().int('must be an integer').min(1, 'must be >= 1'),
    name: text,
    description: text,
    employeeBands: z.array(z.strictObject({ id: orgId, min: count })).default([]),
    rules: z.array(ruleSchema).min(1, 'needs at least one rule'),
    pools: z.array(poolSchema).min(1, 'needs at least one pool'),
    queues: z
      .array(z.strictObject({ id: orgId, name: text }))
      .min(1, 'needs at least one queue (the default)'),
    defaultQueue: orgId,
  })
  .superRefine((doc, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    const unique = (ids: string[], path: string) =>
      ids.forEach((id, i) => {
        const first = ids.indexOf(id);
        if (first !== i) issue([path, i, 'id'], `duplicate id "${id}" (also ${path}[${first}])`);
      });
    unique(
      doc.rules.map((r) => r.id),
      'rules',
    );
    unique(
      doc.pools.map((p) => p.id),
      'pools',
    );
    unique(
      doc.queues.map((q) => q.id),
      'queues',
    );
    const pools = new Set(doc.pools.map((p) => p.id));
    const queues = new Set(doc.queues.map((q) => q.id));
    if (!queues.has(doc.defaultQueue)) issue(['defaultQueue'], `no queue "${doc.defaultQueue}"`);
    doc.rules.forEach((r, i) => {
      if (!pools.has(r.pool)) issue(['rules', i, 'pool'], `no pool "${r.pool}"`);
      if (r.whenNobodyEligible.action === 'queue' && !queues.has(r.whenNobodyEligible.queue))
        issue(['rules', i, 'whenNobodyEligible', 'queue'], `no queue "${r.whenNobodyEligible.queue}"`);
    });
    doc.pools.forEach((p, i) => {
      const reps = p.members.map((m) => m.repId);
      reps.forEach((id, j) => {
        if (reps.indexOf(id) !== j) issue(['pools', i, 'members', j, 'repId'], `"${id}" is listed twice`);
      });
    });
    doc.employeeBands.forEach((b, i) => {
      const previous = doc.employeeBands[i - 1];
      if (previous !== undefined && b.min <= previous.min)
        issue(['employeeBands', i, 'min'], 'bands must be ordered by strictly increasing min');
    });
  });

/** Parses an untrusted rules document (a bundled file or an admin API body). */
export const parseRoutingRules = (document: unknown): Parsed<RoutingRules> =>
  parseWith(routingRulesSchema, document) as Parsed<RoutingRules>;

/** The references of a rules document into the sales org: every rep and team must exist. */
export const checkRulesAgainstOrg = (rules: RoutingRules, org: SalesOrg): FieldError[] => {
  const errors: FieldError[] = [];
  rules.pools.forEach((p, i) => {
    if (!org.teams.has(p.teamId))
      errors.push({ path: `pools[${i}].teamId`, message: `no team "${p.teamId}"` });
    p.members.forEach((m, j) => {
      if (!org.reps.has(m.repId))
        errors.push({ path: `pools[${i}].members[${j}].repId`, message: `no rep "${m.repId}"` });
    });
  });
  return errors;
};
