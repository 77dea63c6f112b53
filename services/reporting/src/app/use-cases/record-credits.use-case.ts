import type { AttributionCredited } from '@smarketing/contracts';
import { creditContributions } from '../../domain/contributions';
import { latestCredit } from '../../domain/fact-records';
import { deltaOf, foldRecords, newestOf } from '../rollup/apply-changes';
import type { RollupSettings } from '../rollup/rollup-settings';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** attribution-credited: the latest version per conversion; a superseding version replaces the old one's credit. */
export class RecordCredits {
  constructor(private readonly settings: RollupSettings) {}

  async execute(events: readonly Incoming<AttributionCredited>[], tx: ReportingTx): Promise<void> {
    const changed = await foldRecords(
      tx.credits,
      events.map(({ value, occurredAt }) => ({
        key: value.conversionId,
        fold: (known) =>
          latestCredit(known, { conversionId: value.conversionId, firstAt: occurredAt, credited: value }),
      })),
    );
    await tx.rollup.add(deltaOf(changed, (r) => creditContributions(r, this.settings)));
    await tx.rollup.applied(newestOf(events));
  }
}
