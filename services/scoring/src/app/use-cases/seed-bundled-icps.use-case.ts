import { isDeepStrictEqual } from 'node:util';
import type { Icp } from '../../domain';
import { DEFAULT_ICP_ID } from '../model-file/bundled-icps';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

const sameDocument = (a: Icp, b: Icp): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

/**
 * Start-up: inserts the ICP files shipped in services/scoring/icp that the table does not have yet
 * (published versions are immutable) and makes the aligned ICP current when none is. Reports stored
 * versions whose document differs from the shipped file (the stored one keeps scoring).
 */
export class SeedBundledIcps {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(bundled: readonly Icp[]): Promise<{ inserted: string[]; differing: string[] }> {
    return this.transactions.run(async (tx) => {
      const inserted: string[] = [];
      const differing: string[] = [];
      for (const icp of bundled) {
        const fresh = await tx.icps.insert({
          icp,
          isCurrent: false,
          source: 'bundled',
          publishedAt: this.clock.now(),
          publishedBy: null,
        });
        if (fresh) {
          inserted.push(`${icp.id}@${icp.version}`);
          continue;
        }
        const stored = await tx.icps.get(icp.id, icp.version);
        if (stored !== undefined && !sameDocument(stored.icp, icp))
          differing.push(`${icp.id}@${icp.version}`);
      }
      if ((await tx.icps.current()) === undefined) {
        const latest = await tx.icps.latest(DEFAULT_ICP_ID);
        if (latest === undefined) throw new Error(`the bundled ICPs do not include "${DEFAULT_ICP_ID}"`);
        await tx.icps.setCurrent(latest.icp.id, latest.icp.version);
      }
      return { inserted, differing };
    });
  }
}
