import type { PropertyValue, Region } from './lead-signals';

/** What ingestion knows about a company: the attributes an ICP can test. */
export type AccountProfile = {
  /** Lower-case account domain, e.g. "acme.com". */
  domain?: string;
  /** Company name as given by the account's most recent lead profile. */
  name?: string;
  employeeCount?: number;
  /** Normalized industry slug, e.g. "software". */
  industry?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  region?: Region;
  /** Further account attributes ingestion passes through (scalar traits), e.g. annualRevenue. */
  properties: Readonly<Record<string, PropertyValue>>;
};

/**
 * A condition on an account's firmographics. Unknown values never match (an account of unknown size
 * is not "100-1,000 employees").
 */
export type IcpCondition =
  | { kind: 'employee_count'; min?: number; max?: number }
  /** Annual revenue read from the ICP's `revenueProperty` (a number). */
  | { kind: 'revenue'; min?: number; max?: number }
  | { kind: 'industry_in'; industries: string[] }
  | { kind: 'country_in'; countries: string[] }
  | { kind: 'region_in'; regions: Region[] }
  /** Account domain (or a subdomain of it) in the list. */
  | { kind: 'domain_in'; domains: string[] }
  | { kind: 'property_equals'; property: string; value: PropertyValue }
  | { kind: 'property_in'; property: string; values: PropertyValue[] }
  | { kind: 'all'; conditions: IcpCondition[] }
  | { kind: 'any'; conditions: IcpCondition[] }
  | { kind: 'not'; condition: IcpCondition };

export type IcpRule = { id: string; name: string; points: number; condition: IcpCondition; doc?: string };

/** A matching exclusion makes the account "excluded" whatever its points (competitors, partners, ...). */
export type IcpExclusion = { id: string; reason: string; condition: IcpCondition; doc?: string };

export const ACCOUNT_TIERS = ['tier_1', 'tier_2', 'tier_3'] as const;
export type IcpTier = (typeof ACCOUNT_TIERS)[number];
/** Below every tier's minimum: "untiered"; an exclusion: "excluded". */
export type AccountTier = IcpTier | 'untiered' | 'excluded';
export const ALL_ACCOUNT_TIERS: readonly AccountTier[] = [...ACCOUNT_TIERS, 'untiered', 'excluded'];

export const ACCOUNT_SCORE_BANDS = ['hot', 'warm', 'cold'] as const;
export type AccountScoreBand = (typeof ACCOUNT_SCORE_BANDS)[number];
export type AccountBand = AccountScoreBand | 'excluded';
export const ALL_ACCOUNT_BANDS: readonly AccountBand[] = [...ACCOUNT_SCORE_BANDS, 'excluded'];

/**
 * How the buying group's engagement becomes account points. Every weight is >= 0, so an account's
 * engagement never decreases when one of its leads engages more.
 */
export type IcpEngagement = {
  /** A lead counts as engaged when its engagement sub-score reaches this (> 0). */
  engagedAt: number;
  /** Account points per point of the leads' summed engagement. */
  leadEngagementWeight: number;
  /** Cap on those points; absent: no cap. */
  maxLeadEngagementPoints?: number;
  /** Points per distinct engaged person. */
  pointsPerEngagedLead: number;
  /** Engaged people counted at most; absent: all. */
  maxEngagedLeads?: number;
  /** Points per seniority level covered by engaged people (unknown never counts): one intern is not a buying group. */
  pointsPerSeniorityLevel: number;
};

export type Icp = {
  id: string;
  /** Integer from 1; a published version is immutable, a change is a new version. */
  version: number;
  name: string;
  description: string;
  /** The account property holding annual revenue (a number), for `revenue` conditions. */
  revenueProperty: string;
  rules: IcpRule[];
  exclusions: IcpExclusion[];
  /** On fit points, highest first; an account below the last is untiered. */
  tiers: { tier: IcpTier; min: number }[];
  engagement: IcpEngagement;
  /** On the total (fit + engagement), highest first; the last starts at 0. */
  bands: { band: AccountScoreBand; min: number }[];
};
