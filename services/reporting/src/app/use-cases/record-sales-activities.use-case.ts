import type { SalesActivityRecorded } from '@smarketing/contracts';
import { withSalesActivity } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** sales-activity-recorded: a lead's first sales contact (wall-clock response time). */
export class RecordSalesActivities {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<SalesActivityRecorded>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({
        leadId: e.value.leadId,
        fold: (l) => withSalesActivity(l, e.value, e.occurredAt),
      })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
