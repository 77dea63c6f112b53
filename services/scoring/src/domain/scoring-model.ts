import type { ScoreBand } from './band';
import type { PropertyValue, Region, Seniority, TouchpointType } from './lead-signals';

/**
 * A condition on a lead's profile. Used by fit rules and disqualifiers.
 * Unknown profile values never match (an unknown employee count is not "100-1,000").
 */
export type Condition =
  | { kind: 'employee_count'; min?: number; max?: number }
  /** Industry in the model's `targetIndustries`. */
  | { kind: 'target_industry' }
  | { kind: 'industry_in'; industries: string[] }
  /** Country in the model's `targetCountries` or region in its `targetRegions`. */
  | { kind: 'target_geography' }
  | { kind: 'country_in'; countries: string[] }
  | { kind: 'region_in'; regions: Region[] }
  | { kind: 'seniority_in'; seniorities: Seniority[] }
  | { kind: 'property_equals'; property: string; value: PropertyValue }
  | { kind: 'property_in'; property: string; values: PropertyValue[] }
  /** Email domain (or a subdomain of it) in the list. */
  | { kind: 'email_domain_in'; domains: string[] }
  /** Email domain in the model's `competitorDomains`. */
  | { kind: 'competitor_domain' }
  | { kind: 'free_mail' }
  | { kind: 'student' }
  | { kind: 'all'; conditions: Condition[] }
  | { kind: 'any'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition };

export type ConditionKind = Condition['kind'];

type RuleBase = {
  /** Stable id, unique within the model; appears in fired rules and events. */
  id: string;
  /** Human label used in explanations, e.g. "pricing page visits". */
  name: string;
  /** Points when the rule fires; negative for penalties. */
  points: number;
  /** Optional named cap group inside the rule's sub-score (see `caps.groups`). */
  group?: string;
  /** Why the rule exists and how it counts: shown to the admin, not used for scoring. */
  doc?: string;
};

export type FitRule = RuleBase & { kind: 'fit'; condition: Condition };

/**
 * Fires when at least `minCount` touchpoints of `touchpointTypes` occurred within `withinDays`
 * before the evaluation time (all history when absent).
 * - `once`: `points` once, aged from the moment the threshold was reached (the minCount-th most
 *   recent qualifying touchpoint).
 * - `per_occurrence`: `points` for every qualifying touchpoint, each aged from its own time; the
 *   threshold only gates the rule.
 * With `halfLifeDays`, points decay as points * 0.5^(age / halfLife).
 */
export type EngagementRule = RuleBase & {
  kind: 'engagement';
  touchpointTypes: TouchpointType[];
  minCount: number;
  scoring: 'once' | 'per_occurrence';
  withinDays?: number;
  halfLifeDays?: number;
};

export type ScoringRule = FitRule | EngagementRule;

/** Sub-score a rule contributes to. */
export type RuleKind = ScoringRule['kind'];

/** A disqualifier forces band "disqualified" and total 0, whatever the points. */
export type Disqualifier = { id: string; reason: string; condition: Condition; doc?: string };

/** Lowest total that reaches `band`; the list is ordered from the highest threshold down to 0. */
export type BandThreshold = { band: ScoreBand; min: number };

/**
 * Caps bound sums, never single rules' explanations: named groups first, then each sub-score
 * (floored at 0), then the total (floored at 0). An absent cap bounds nothing: the agreed table's
 * points simply add up, and capping is a decision a model states, never a default.
 */
export type ScoringCaps = {
  total?: number;
  fit?: number;
  engagement?: number;
  groups: Record<string, number>;
};

export type ScoringModel = {
  id: string;
  /** Integer, starting at 1; a published version is never edited, a change is a new version. */
  version: number;
  name: string;
  description: string;
  targetIndustries: string[];
  targetCountries: string[];
  targetRegions: Region[];
  competitorDomains: string[];
  rules: ScoringRule[];
  disqualifiers: Disqualifier[];
  /** Absent in a document: no caps. */
  caps: ScoringCaps;
  bands: BandThreshold[];
};
