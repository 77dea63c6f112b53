import type { AccountBand, AccountTier, BacktestAccount, LeadScore } from '../../domain';
import type { AccountRecord } from '../account/account-record';
import type { LeadRecord } from '../lead/lead-record';

export type AccountListQuery = { tier?: AccountTier; band?: AccountBand; limit: number; after?: string };

/** An account a lead batch touched, waiting to be rolled up: the latest event time and cause among its changes. */
export type QueuedAccount = { accountId: string; firstAt: number; at: number; cause: string };

/**
 * What an account needs of one of its live leads (not merged away, not erased): of its score, only
 * what it contributes (the explanation stays on the lead row).
 */
export type AccountLead = Pick<LeadRecord, 'leadId' | 'profile' | 'profileAt' | 'account'> & {
  score: Pick<LeadScore, 'engagement' | 'total' | 'band'> | null;
};

/** The accounts table, bound to one transaction. */
export abstract class AccountStore {
  /** Queues accounts to be rolled up (plain inserts: nothing is locked). */
  abstract enqueue(accounts: readonly { accountId: string; at: number }[], cause: string): Promise<void>;
  /**
   * Takes (deletes, in this transaction) the oldest `limit` queued changes no other transaction holds,
   * one entry per account in id order. Returns how many changes it took and the accounts.
   */
  abstract claimQueued(limit: number): Promise<{ changes: number; accounts: QueuedAccount[] }>;
  /** The live leads whose account is one of these. */
  abstract leadsOf(accountIds: readonly string[]): Promise<AccountLead[]>;
  /** Locks the given accounts (in id order), creating empty ones first (first seen at the given time). */
  abstract lockMany(firstSeenAt: ReadonlyMap<string, number>): Promise<Map<string, AccountRecord>>;
  /** Writes the accounts back (one multi-row statement). */
  abstract saveMany(accounts: readonly AccountRecord[]): Promise<void>;
  abstract find(accountId: string): Promise<AccountRecord | undefined>;
  /** Accounts in id order after `after`, filtered by the current tier and band. */
  abstract list(query: AccountListQuery): Promise<AccountRecord[]>;
  /** Locks the next `limit` accounts after `afterAccountId` (id order), for re-scoring. */
  abstract lockChunk(afterAccountId: string | null, limit: number): Promise<AccountRecord[]>;
  /** Every account with its members and the furthest outcome of its leads, for ICP backtests. */
  abstract backtestable(): Promise<BacktestAccount[]>;
}
