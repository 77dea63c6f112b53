import type { AccountBand, AccountTier } from '@smarketing/contracts';

/** An account's tier and band as of one scoring.account-scored event (routing_account_scores). */
export type AccountScore = {
  readonly accountId: string;
  readonly tier: AccountTier;
  readonly band: AccountBand;
  /** Event time of the account-scored it comes from. */
  readonly occurredAt: number;
};

/**
 * Whether `next` replaces `stored`: event time decides, so a late older score never overwrites a
 * newer one. An equal time replaces: scoring keys the topic by account, so the later of two
 * events at one millisecond is the later in partition order.
 */
export const replacesScore = (stored: AccountScore | undefined, next: AccountScore): boolean =>
  stored === undefined || next.occurredAt >= stored.occurredAt;

/** The newest score of each account among `scores` (in arrival order), one per account. */
export const newestAccountScores = (scores: readonly AccountScore[]): AccountScore[] => {
  const newest = new Map<string, AccountScore>();
  for (const s of scores) if (replacesScore(newest.get(s.accountId), s)) newest.set(s.accountId, s);
  return [...newest.values()];
};
