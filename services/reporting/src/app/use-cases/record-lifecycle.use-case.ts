import type { LifecycleChanged } from '@smarketing/contracts';
import { withLifecycle } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** lifecycle-changed: the first time a lead entered each funnel stage. */
export class RecordLifecycle {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<LifecycleChanged>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({ leadId: e.value.leadId, fold: (l) => withLifecycle(l, e.value, e.occurredAt) })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
