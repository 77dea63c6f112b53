import { dataDrivenAttribution, type DataDrivenResult, type DataDrivenSpec, type Path } from '../../domain';
import type { Transactions } from '../ports/transactions.port';

export type DataDrivenRequest = {
  readonly from: number;
  readonly to: number;
  readonly kind: 'mql' | 'sql' | 'opportunity' | 'won';
  /** Omitted: every data-driven model in the settings in force. */
  readonly spec?: DataDrivenSpec;
  /** Bootstrap replicates; omitted: the settings' (each costs one refit of the model). */
  readonly replicates?: number;
};

/**
 * A data-driven model over the lead journeys of a period, with bootstrap intervals per channel
 * (replicates, confidence and seed from the settings in force, so a repeat gives the same answer).
 */
export class DataDrivenByPeriod {
  constructor(private readonly transactions: Transactions) {}

  execute(req: DataDrivenRequest): Promise<{ settingsVersion: number; results: DataDrivenResult[] }> {
    return this.transactions.run(async (tx) => {
      const stored = await tx.settings.latest();
      if (!stored) return { settingsVersion: 0, results: [] };
      const { bootstrap, dataDriven } = stored.settings;
      const raw = await tx.facts.leadPaths(req.from, req.to, req.kind);
      const paths: Path[] = raw.map((p) => ({
        channels: p.channels,
        conversions: p.converted ? 1 : 0,
        nulls: p.converted ? 0 : 1,
      }));
      const specs = req.spec ? [req.spec] : dataDriven;
      return {
        settingsVersion: stored.settings.version,
        results: specs.map((spec) =>
          dataDrivenAttribution(paths, spec, {
            replicates: req.replicates ?? bootstrap.replicates,
            confidence: bootstrap.confidence,
            seed: bootstrap.seed,
          }),
        ),
      };
    });
  }
}
