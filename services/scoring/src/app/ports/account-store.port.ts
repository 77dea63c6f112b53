import type { AccountBand, AccountTier, BacktestAccount } from '../../domain';
import type { AccountRecord } from '../account/account-record';

export type AccountListQuery = { tier?: AccountTier; band?: AccountBand; limit: number; after?: string };

/** The accounts table, bound to one transaction. */
export abstract class AccountStore {
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
