import type { AccountScored } from '@smarketing/contracts';
import { latestAccount } from '../../domain/fact-records';
import { foldRecords, newestOf } from '../rollup/apply-changes';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** account-scored: each account's latest tier and band (Tier 1 coverage). */
export class RecordAccountScores {
  async execute(events: readonly Incoming<AccountScored>[], tx: ReportingTx): Promise<void> {
    await foldRecords(
      tx.accounts,
      events.map(({ value, occurredAt }) => ({
        key: value.accountId,
        fold: (known) => latestAccount(known, value, occurredAt),
      })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
