import type { AccountScore } from './newest-account-scores';
import { UNKNOWN_ACCOUNT, type AccountFacts, type LeadFacts, type LeadProfile } from './routing-rules';

/** A lead's facts for matching: its profile and its account's score by account id (none: unknown). */
export const leadFactsOf = (profile: LeadProfile, scores: ReadonlyMap<string, AccountScore>): LeadFacts => {
  const score = profile.accountId === null ? undefined : scores.get(profile.accountId);
  const account: AccountFacts =
    score === undefined ? UNKNOWN_ACCOUNT : { accountTier: score.tier, accountBand: score.band };
  return { ...profile, ...account };
};

/** The account ids whose scores `profiles` need, once each. */
export const accountIdsOf = (profiles: readonly LeadProfile[]): string[] => [
  ...new Set(profiles.flatMap((p) => (p.accountId === null ? [] : [p.accountId]))),
];
