import type { Random } from './random';
import { pick } from './random';
import { calendarOfRep, NAMED_ACCOUNT_OWNER, repById, type Region } from './sales-org';
import { isWorking } from './work-calendar';

// The routing rules this workload publishes, and the generator's reading of them: which rep a
// lead's rule sends it to, when that does not depend on the order routing sees the MQLs in.

type PoolDoc = {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
  readonly strategy: 'round_robin' | 'count_based';
  readonly members: readonly { readonly repId: string; readonly weight?: number }[];
  readonly comeback?: { readonly policy: 'none' | 'catch_up' } | { policy: 'catch_up_capped'; max: number };
  readonly countPeriod?: 'day' | 'week' | 'month' | 'all';
  readonly timeZone?: string;
};

type Condition =
  | { readonly field: 'region'; readonly in: readonly Region[] }
  | { readonly field: 'band'; readonly in: readonly string[] };

type RuleDoc = {
  readonly id: string;
  readonly name: string;
  readonly when: readonly Condition[];
  readonly pool: string;
  readonly accountOwnerFirst: boolean;
  readonly whenNobodyEligible: { readonly action: 'hold' | 'escalate' } | { action: 'queue'; queue: string };
  readonly sla: { readonly onBreach: 'reassign' | 'escalate' | 'ignore'; readonly maxReassignments: number };
};

const EMPLOYEE_BANDS = [
  { id: 'smb', min: 0 },
  { id: 'mid_market', min: 200 },
  { id: 'enterprise', min: 1000 },
] as const;

// Single-member pools route the same way whatever the arrival order (the member, now or when
// back); round-robin and count-based pools do not: their picks follow the order of the MQLs.
const POOLS: readonly PoolDoc[] = [
  {
    id: 'pg-emea-enterprise',
    name: 'EMEA enterprise',
    teamId: 'pg-emea',
    strategy: 'round_robin',
    members: [{ repId: 'lukas-brandt' }],
  },
  {
    id: 'pg-emea-commercial',
    name: 'EMEA commercial',
    teamId: 'pg-emea',
    strategy: 'count_based',
    members: [{ repId: 'mia-schulz' }, { repId: 'james-porter' }],
    comeback: { policy: 'none' },
    countPeriod: 'day',
    timeZone: 'Europe/Berlin',
  },
  {
    id: 'pg-na-enterprise',
    name: 'North America enterprise',
    teamId: 'pg-americas',
    strategy: 'round_robin',
    members: [{ repId: 'priya-raman' }],
  },
  {
    id: 'pg-americas',
    name: 'Americas commercial',
    teamId: 'pg-americas',
    strategy: 'round_robin',
    members: [{ repId: 'noah-fischer', weight: 2 }, { repId: 'carlos-mendes' }],
    comeback: { policy: 'catch_up' },
  },
  {
    id: 'pg-apac',
    name: 'APAC',
    teamId: 'pg-apac',
    strategy: 'round_robin',
    members: [{ repId: 'wei-lin' }, { repId: 'hannah-cole' }],
    comeback: { policy: 'catch_up_capped', max: 2 },
  },
  {
    id: 'pg-inbound',
    name: 'Inbound SDRs',
    teamId: 'pg-inbound',
    strategy: 'round_robin',
    members: [{ repId: 'sam-okafor' }, { repId: 'riley-park' }],
  },
];

const RULES: readonly RuleDoc[] = [
  {
    id: 'emea-enterprise',
    name: 'EMEA, 1,000 employees and more',
    when: [
      { field: 'region', in: ['EMEA'] },
      { field: 'band', in: ['enterprise'] },
    ],
    pool: 'pg-emea-enterprise',
    accountOwnerFirst: true,
    whenNobodyEligible: { action: 'hold' },
    sla: { onBreach: 'escalate', maxReassignments: 0 },
  },
  {
    id: 'emea-commercial',
    name: 'EMEA, below 1,000 employees',
    when: [{ field: 'region', in: ['EMEA'] }],
    pool: 'pg-emea-commercial',
    accountOwnerFirst: true,
    whenNobodyEligible: { action: 'escalate' },
    sla: { onBreach: 'reassign', maxReassignments: 1 },
  },
  {
    id: 'na-enterprise',
    name: 'North America, 1,000 employees and more',
    when: [
      { field: 'region', in: ['NA'] },
      { field: 'band', in: ['enterprise'] },
    ],
    pool: 'pg-na-enterprise',
    accountOwnerFirst: true,
    whenNobodyEligible: { action: 'hold' },
    sla: { onBreach: 'escalate', maxReassignments: 0 },
  },
  {
    id: 'americas',
    name: 'North and Latin America',
    when: [{ field: 'region', in: ['NA', 'LATAM'] }],
    pool: 'pg-americas',
    accountOwnerFirst: true,
    whenNobodyEligible: { action: 'hold' },
    sla: { onBreach: 'reassign', maxReassignments: 2 },
  },
  {
    id: 'apac',
    name: 'Asia Pacific',
    when: [{ field: 'region', in: ['APAC'] }],
    pool: 'pg-apac',
    accountOwnerFirst: true,
    whenNobodyEligible: { action: 'queue', queue: 'pg-apac-overflow' },
    sla: { onBreach: 'reassign', maxReassignments: 1 },
  },
  {
    id: 'everyone-else',
    name: 'Unknown region (free-mail sign-ups without a country)',
    when: [],
    pool: 'pg-inbound',
    accountOwnerFirst: false,
    whenNobodyEligible: { action: 'queue', queue: 'pg-unrouted' },
    sla: { onBreach: 'reassign', maxReassignments: 2 },
  },
];

/**
 * Version 2: routing publishes its bundled v1 at start-up, and a version must be newer than the
 * published one (409 otherwise), so this document routes a fresh stack from the first MQL on.
 */
export const RULES_VERSION = 2;

export const routingRulesDocument = () => ({
  version: RULES_VERSION,
  name: 'Proving ground 2026-Q3',
  description:
    'Named accounts to their owners; EMEA and North American enterprise to one rep each; EMEA commercial ' +
    'by count, Americas and APAC round robin; unknown regions to the inbound SDRs.',
  employeeBands: EMPLOYEE_BANDS,
  rules: RULES,
  pools: POOLS,
  queues: [
    { id: 'pg-unrouted', name: 'Unrouted leads (sales ops triage)' },
    { id: 'pg-apac-overflow', name: 'APAC overflow' },
  ],
  defaultQueue: 'pg-unrouted',
});

/** What routing reads of a lead (from lead-upserted), as far as these rules look at it. */
export type RoutingFacts = {
  readonly region: Region | null;
  readonly employees: number | null;
  /** The account's domain (null for free mail). */
  readonly accountDomain: string | null;
};

export type PredictedRoute = {
  readonly ruleId: string;
  readonly poolId: string;
  readonly repId: string;
  /** false: the pick follows the arrival order of MQLs (round robin, counts); repId is a team member. */
  readonly knowable: boolean;
  readonly via: 'account_owner' | 'pool';
};

const bandOf = (employees: number | null): string | null => {
  if (employees === null) return null;
  return [...EMPLOYEE_BANDS].reverse().find((b) => employees >= b.min)?.id ?? null;
};

const holds = (condition: Condition, facts: RoutingFacts): boolean => {
  switch (condition.field) {
    case 'region':
      return facts.region !== null && condition.in.includes(facts.region);
    case 'band': {
      const band = bandOf(facts.employees);
      return band !== null && condition.in.includes(band);
    }
    default: {
      const unreachable: never = condition;
      return unreachable;
    }
  }
};

const ruleFor = (facts: RoutingFacts): RuleDoc => {
  const rule = RULES.find((r) => r.when.every((c) => holds(c, facts)));
  if (rule === undefined) throw new Error('the last rule matches every lead');
  return rule;
};

const poolOf = (rule: RuleDoc): PoolDoc => {
  const pool = POOLS.find((p) => p.id === rule.pool);
  if (pool === undefined) throw new Error(`rule ${rule.id} names no pool`);
  return pool;
};

/**
 * Where routing sends a lead that becomes an MQL at `mqlAt`: the first matching rule; its account's
 * owner when the owner works at that moment; else the pool, whose only member is knowable (assigned
 * now or held until they work again) and whose rotation is not (then any member stands in).
 */
export function predictRoute(
  random: Random,
  facts: RoutingFacts,
  owners: ReadonlyMap<string, string>,
  mqlAt: number,
): PredictedRoute {
  const rule = ruleFor(facts);
  const pool = poolOf(rule);
  const ownerId = facts.accountDomain === null ? undefined : owners.get(facts.accountDomain);
  if (rule.accountOwnerFirst && ownerId !== undefined) {
    const owner = repById(ownerId);
    if (isWorking(calendarOfRep(owner), owner.outOfOffice, mqlAt))
      return { ruleId: rule.id, poolId: pool.id, repId: owner.id, knowable: true, via: 'account_owner' };
  }
  const only = pool.members.length === 1 ? pool.members[0] : undefined;
  if (only !== undefined)
    return { ruleId: rule.id, poolId: pool.id, repId: only.repId, knowable: true, via: 'pool' };
  return {
    ruleId: rule.id,
    poolId: pool.id,
    repId: pick(random, pool.members).repId,
    knowable: false,
    via: 'pool',
  };
}

/** Named accounts: the owner of each domain, by the account's region. */
export const accountOwners = (
  accounts: readonly { readonly domain: string; readonly region: Region }[],
): Map<string, string> => new Map(accounts.map((a) => [a.domain, NAMED_ACCOUNT_OWNER[a.region]]));
