import type { AccountScore } from '../../domain';

/** routing_account_scores (the accounts' tiers and bands from scoring), bound to one transaction. */
export abstract class AccountScoreStore {
  /** Writes each score unless its account holds a newer one by event time (one score per account). */
  abstract saveNewest(scores: readonly AccountScore[]): Promise<void>;
  /** The scores of the accounts that have one, in one read. */
  abstract findMany(accountIds: readonly string[]): Promise<Map<string, AccountScore>>;
}
