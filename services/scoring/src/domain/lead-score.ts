import type { Band } from './band';
import type { RuleKind } from './scoring-model';

export type FiredRule = {
  ruleId: string;
  /** The sub-score ("fit" or "engagement") or "disqualifier". */
  group: RuleKind | 'disqualifier';
  /** The named cap group inside the sub-score (`caps.groups`), when the rule has one. */
  capGroup?: string;
  /** Points this rule earned after decay, before caps, rounded to 2 decimals (0 for disqualifiers). */
  points: number;
  detail: string;
};

/**
 * A bound that changed a sum, so that the fired rules plus the adjustments add up to the total:
 * a cap that took points off, or the floor at 0 that gave a penalty's excess back.
 */
export type ScoreAdjustment = {
  kind: 'cap' | 'floor';
  /** What was bounded: a sub-score (with `capGroup`: a named group inside it) or the total. */
  group: RuleKind | 'total';
  capGroup?: string;
  /** The cap, or 0 for a floor. */
  limit: number;
  /** The sum before and after the bound, rounded to 2 decimals. */
  before: number;
  after: number;
  detail: string;
};

/**
 * A lead's score under one model at one moment. All numbers have at most 2 decimals;
 * total = fit + engagement, bounded by the total cap when the model has one, floored at 0; the band is
 * read from that total. Every bound that changed a sum is in `adjustments`, in the order applied.
 */
export type LeadScore = {
  modelId: string;
  modelVersion: number;
  /** Evaluation time (epoch ms). */
  at: number;
  /** Touchpoints before this moment were ignored (used to re-qualify a recycled lead). */
  engagementSince?: number;
  fit: number;
  engagement: number;
  total: number;
  band: Band;
  firedRules: FiredRule[];
  adjustments: ScoreAdjustment[];
  /** Reason of the first matching disqualifier (model order). */
  disqualifiedBy?: string;
};
