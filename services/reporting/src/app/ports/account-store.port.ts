import type { AccountActivity } from '../../domain/account-activity';
import type { AccountRecord } from '../../domain/fact-records';
import { RecordStore } from './record-store.port';

export type Tier1Coverage = {
  readonly accounts: number;
  readonly withMql: number;
  readonly withOpportunity: number;
};

/** reporting_accounts: each account's latest tier and band; reporting_account_activity: its MQLs and opportunities per period. */
export abstract class AccountStore extends RecordStore<AccountRecord> {
  /** Adds counts of account activity (a delta: negative counts take back; a row at zero counts for nothing). */
  abstract addActivity(delta: readonly AccountActivity[]): Promise<void>;
  /**
   * Per period id: the Tier 1 accounts now, and those with a lead's first MQL / an opportunity
   * first seen in the period.
   */
  abstract tier1Coverage(periods: readonly string[]): Promise<Map<string, Tier1Coverage>>;
}
