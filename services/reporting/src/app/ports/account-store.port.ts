import type { AccountRecord } from '../../domain/fact-records';
import { RecordStore } from './record-store.port';

export type Tier1Coverage = {
  readonly accounts: number;
  readonly withMql: number;
  readonly withOpportunity: number;
};

/** reporting_accounts: each account's latest tier and band. */
export abstract class AccountStore extends RecordStore<AccountRecord> {
  /** Tier 1 accounts now, and those with a lead's first MQL / an opportunity first seen in [start, end). */
  abstract tier1Coverage(start: number, end: number): Promise<Tier1Coverage>;
}
