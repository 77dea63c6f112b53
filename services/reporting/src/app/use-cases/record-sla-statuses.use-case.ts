import type { SlaStatusChanged } from '@smarketing/contracts';
import { slaContributions } from '../../domain/contributions';
import { latestSla, slaKey } from '../../domain/fact-records';
import { deltaOf, foldRecords, newestOf } from '../rollup/apply-changes';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** sla-status-changed: the latest record per lead and SLA kind; a correction replaces the outcome it supersedes. */
export class RecordSlaStatuses {
  async execute(events: readonly Incoming<SlaStatusChanged>[], tx: ReportingTx): Promise<void> {
    const changed = await foldRecords(
      tx.sla,
      events.map(({ value }) => ({
        key: slaKey(value),
        fold: (known) => latestSla(known, { key: slaKey(value), status: value }),
      })),
    );
    await tx.rollup.add(deltaOf(changed, slaContributions));
    await tx.rollup.applied(newestOf(events));
  }
}
