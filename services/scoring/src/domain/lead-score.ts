import type { Band } from './band';
import type { RuleKind } from './scoring-model';

export type FiredRule = {
  ruleId: string;
  /** The sub-score ("fit" or "engagement") or "disqualifier". */
  group: RuleKind | 'disqualifier';
  /** The named cap group, when the rule has one. */
  capGroup?: string;
  /** Points this rule earned before caps, rounded to 2 decimals (0 for disqualifiers). */
  points: number;
  detail: string;
};

/**
 * A lead's score under one model at one moment. All numbers have at most 2 decimals;
 * total = min(caps.total, fit + engagement), floored at 0; the band is read from that total.
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
  /** Reason of the first matching disqualifier (model order). */
  disqualifiedBy?: string;
};
