import type { LeadDispositioned } from '@smarketing/contracts';
import { withDisposition } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** lead-dispositioned: sales' feedback on a lead (latest disposition and reason; the first one's time). */
export class RecordDispositions {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<LeadDispositioned>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({ leadId: e.value.leadId, fold: (l) => withDisposition(l, e.value, e.occurredAt) })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
