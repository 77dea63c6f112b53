import type { TouchpointRecorded } from '@smarketing/contracts';
import { withTouchpoint } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** touchpoint-recorded: a lead's first touch (channel and campaign), the source of its pipeline. */
export class RecordTouchpoints {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<TouchpointRecorded>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({ leadId: e.value.leadId, fold: (l) => withTouchpoint(l, e.value, e.occurredAt) })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
