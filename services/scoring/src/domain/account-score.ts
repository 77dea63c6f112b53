import type { BuyingGroup } from './buying-group';
import type { AccountBand, AccountTier } from './icp';

export type AccountFiredRule = {
  ruleId: string;
  group: 'fit' | 'engagement' | 'exclusion';
  /** Points earned, 2 decimals (0 for exclusions); the fired points add up to the total. */
  points: number;
  detail: string;
};

/** An account's score under one ICP version at one moment (event time). */
export type AccountScore = {
  icpId: string;
  icpVersion: number;
  at: number;
  fit: number;
  engagement: number;
  total: number;
  tier: AccountTier;
  band: AccountBand;
  firedRules: AccountFiredRule[];
  /** Reason of the first matching exclusion (ICP order). */
  excludedBy?: string;
  group: BuyingGroup;
};
