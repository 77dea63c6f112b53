import type { LeadAssigned } from '@smarketing/contracts';
import { withAssignment } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** lead-assigned: a lead's rep and team (latest) and its first assignment time. */
export class RecordAssignments {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<LeadAssigned>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({ leadId: e.value.leadId, fold: (l) => withAssignment(l, e.value, e.occurredAt) })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
