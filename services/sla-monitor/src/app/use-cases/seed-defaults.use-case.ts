import { isDeepStrictEqual } from 'node:util';
import type { BusinessCalendar } from '../../domain/business-calendar';
import { DEFAULT_CALENDAR_ID } from '../../domain/select-calendar';
import type { SlaPolicy, VolumeSlaPolicy } from '../../domain/sla-policy';
import type { Clock } from '../ports/clock.port';
import type { DocumentStore } from '../ports/document-store.port';
import type { Transactions } from '../ports/transactions.port';
import { ensureVolumeTimers } from '../sla/volume-checkpoints';

export type Defaults = {
  readonly calendars: readonly BusinessCalendar[];
  readonly policies: readonly SlaPolicy[];
};
export type SeedReport = { readonly inserted: string[]; readonly differing: string[] };

const sameDocument = (a: unknown, b: unknown): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

const seed = async <T extends { id: string; version: number }>(
  store: DocumentStore<T>,
  documents: readonly T[],
  publishedAt: number,
  report: SeedReport,
): Promise<void> => {
  for (const document of documents) {
    const name = `${document.id}@${document.version}`;
    if (await store.insert({ document, source: 'bundled', publishedAt, publishedBy: null })) {
      report.inserted.push(name);
      continue;
    }
    const stored = await store.get(document.id, document.version);
    if (stored && !sameDocument(stored.document, document)) report.differing.push(name);
  }
};

/**
 * Start-up: publishes the default calendars and policies shipped in services/sla-monitor/defaults
 * that are not stored yet (published versions are immutable: a stored one is left alone, and a
 * difference is reported), and starts the checkpoint chain of each volume policy that has none.
 */
export class SeedDefaults {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(defaults: Defaults): Promise<SeedReport> {
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const report: SeedReport = { inserted: [], differing: [] };
      await seed(tx.calendars, defaults.calendars, now, report);
      await seed(tx.policies, defaults.policies, now, report);
      if (!(await tx.calendars.latest(DEFAULT_CALENDAR_ID)))
        throw new Error(
          `no calendar "${DEFAULT_CALENDAR_ID}" is stored or shipped: clocks would have none to run on`,
        );
      const volume = (await tx.policies.latestAll())
        .map((s) => s.document)
        .filter((p): p is VolumeSlaPolicy => p.kind === 'volume');
      await ensureVolumeTimers(tx, volume, now, false);
      return report;
    });
  }
}
