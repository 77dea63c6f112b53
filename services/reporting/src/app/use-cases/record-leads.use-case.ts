import type { LeadUpserted } from '@smarketing/contracts';
import { withUpsert } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** lead-upserted: a lead's dimensions (source, region, segment, account) and when it was first seen. */
export class RecordLeads {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<LeadUpserted>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({ leadId: e.value.leadId, fold: (l) => withUpsert(l, e.value, e.occurredAt) })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
