import { isDeepStrictEqual } from 'node:util';
import type { AttributionSettings } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

/**
 * Start-up: inserts the settings files shipped in services/attribution/models that the table does
 * not have yet (published versions are immutable) and reports stored versions that differ from
 * their file (the stored one stays in force).
 */
export class SeedBundledSettings {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(bundled: readonly AttributionSettings[]): Promise<{ inserted: number[]; differing: number[] }> {
    return this.transactions.run(async (tx) => {
      const inserted: number[] = [];
      const differing: number[] = [];
      for (const settings of bundled) {
        if (await tx.settings.insert({ settings, publishedAt: this.clock.now(), source: 'bundled' })) {
          inserted.push(settings.version);
          continue;
        }
        const stored = await tx.settings.get(settings.version);
        if (
          stored &&
          !isDeepStrictEqual(
            JSON.parse(JSON.stringify(stored.settings)),
            JSON.parse(JSON.stringify(settings)),
          )
        )
          differing.push(settings.version);
      }
      return { inserted, differing };
    });
  }
}
