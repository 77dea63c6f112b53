import type { LeadScored } from '@smarketing/contracts';
import { withScore } from '../../domain/lead-record';
import { changeLeads, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** lead-scored: the scores a lead had, for its band and decile at MQL time (calibration). */
export class RecordScores {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<LeadScored>[], tx: ReportingTx): Promise<void> {
    await changeLeads(
      tx,
      this.settings,
      events.map((e) => ({ leadId: e.value.leadId, fold: (l) => withScore(l, e.value, e.occurredAt) })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
