import type { AccountBand, AccountTier } from '@smarketing/contracts';

/** What lead-upserted tells routing about a lead (no PII: its non-personal fields), kept per lead. */
export type LeadProfile = {
  readonly country: string | null;
  readonly region: string | null;
  readonly industry: string | null;
  readonly employees: number | null;
  readonly accountId: string | null;
  readonly accountDomain: string | null;
  readonly source: string | null;
};

/**
 * The lead's account as scoring last scored it (scoring.account-scored.v1), read when the lead is
 * routed rather than copied onto the lead: an account's tier changes without its leads changing.
 * null: the account was never scored (or the lead has none).
 */
export type AccountFacts = {
  readonly accountTier: AccountTier | null;
  readonly accountBand: AccountBand | null;
};

/** The attributes of a lead routing rules match on. */
export type LeadFacts = LeadProfile & AccountFacts;

export const UNKNOWN_PROFILE: LeadProfile = {
  country: null,
  region: null,
  industry: null,
  employees: null,
  accountId: null,
  accountDomain: null,
  source: null,
};

export const UNKNOWN_ACCOUNT: AccountFacts = { accountTier: null, accountBand: null };

export const UNKNOWN_FACTS: LeadFacts = { ...UNKNOWN_PROFILE, ...UNKNOWN_ACCOUNT };

/**
 * Fields matched against a list of values. `band` is the employee band, `segment` the named
 * account's; `accountTier` and `accountBand` are the ICP tier and band of the lead's account.
 */
export const LIST_FIELDS = [
  'country',
  'region',
  'industry',
  'source',
  'band',
  'segment',
  'account',
  'accountTier',
  'accountBand',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type Condition =
  | { readonly field: ListField; readonly in: readonly string[] }
  | { readonly field: 'employees'; readonly min?: number; readonly max?: number };

/** What happens when no rep of the pool can take the lead now. */
export type NobodyEligible =
  | { readonly action: 'hold' }
  | { readonly action: 'escalate' }
  | { readonly action: 'queue'; readonly queue: string };

export type SlaPolicy = {
  /** A breach or escalation of the SLA clock: pick the next rep, go to the manager, or leave it. */
  readonly onBreach: 'reassign' | 'escalate' | 'ignore';
  /** Reassignments per cycle before a breach escalates instead. */
  readonly maxReassignments: number;
};

export type RoutingRule = {
  readonly id: string;
  readonly name: string;
  /** Every condition must hold; an empty list matches every lead. */
  readonly when: readonly Condition[];
  readonly pool: string;
  /** A lead whose account has an owner goes to that owner first (unless unavailable: then the pool). */
  readonly accountOwnerFirst: boolean;
  readonly whenNobodyEligible: NobodyEligible;
  readonly sla: SlaPolicy;
};

/**
 * What happens when a rep who was away (out of office, on holiday) comes back:
 * none: they rejoin the rotation as if they had never left; catch_up: they get the turns they
 * missed first; catch_up_capped: at most `max` of them.
 */
export type ComebackPolicy =
  | { readonly policy: 'none' }
  | { readonly policy: 'catch_up' }
  | { readonly policy: 'catch_up_capped'; readonly max: number };

export type PoolMember = { readonly repId: string; readonly weight?: number };

export type Pool = {
  readonly id: string;
  readonly name: string;
  /** Whose manager escalations go to, and the team the pool's leads belong to. */
  readonly teamId: string;
  /** round_robin: turns in member order, weight w = w turns per cycle; count_based: lowest count in the period next. */
  readonly strategy: 'round_robin' | 'count_based';
  readonly members: readonly PoolMember[];
  readonly comeback: ComebackPolicy;
  /** Period of the counts of a count_based pool, in `timeZone`. */
  readonly countPeriod: 'day' | 'week' | 'month' | 'all';
  readonly timeZone: string;
};

export type Queue = { readonly id: string; readonly name: string };

export type EmployeeBand = { readonly id: string; readonly min: number };

/** One published (or draft) version of the routing rules: rules in order, the pools they name, queues. */
export type RoutingRules = {
  readonly version: number;
  readonly name: string;
  readonly description: string;
  readonly employeeBands: readonly EmployeeBand[];
  readonly rules: readonly RoutingRule[];
  readonly pools: readonly Pool[];
  readonly queues: readonly Queue[];
  /** Where a lead no rule matches goes. */
  readonly defaultQueue: string;
};
