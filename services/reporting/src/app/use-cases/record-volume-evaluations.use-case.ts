import type { VolumeSlaEvaluated } from '@smarketing/contracts';
import { latestVolume, volumeKey } from '../../domain/fact-records';
import { foldRecords, newestOf } from '../rollup/apply-changes';
import type { Incoming, ReportingTx } from '../ports/transactions.port';

/** volume-sla-evaluated: the latest evaluation per policy period (the dashboard reads these few rows directly). */
export class RecordVolumeEvaluations {
  async execute(events: readonly Incoming<VolumeSlaEvaluated>[], tx: ReportingTx): Promise<void> {
    await foldRecords(
      tx.volume,
      events.map(({ value }) => ({
        key: volumeKey(value),
        fold: (known) => latestVolume(known, { key: volumeKey(value), evaluation: value }),
      })),
    );
    await tx.rollup.applied(newestOf(events));
  }
}
