import { compareModels, type ModelComparisonEntry, type ScoringModel } from '../../domain';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

export type CompareInput = {
  models: readonly { modelId: string; version?: number }[];
  /** Evaluation time for every lead (epoch ms); defaults to now. */
  at?: number;
  /** Band changes listed per model (the count is always complete). */
  maxBandChanges: number;
};

export type ComparisonView = {
  at: number;
  leads: number;
  models: (Omit<ModelComparisonEntry, 'bandChanges'> & {
    bandChangeCount: number;
    bandChanges: ModelComparisonEntry['bandChanges'];
  })[];
};

export type CompareResult =
  { kind: 'compared'; view: ComparisonView } | { kind: 'model_not_found'; path: string; message: string };

/**
 * Scores every lead's stored signals under two or more models: band distribution, the leads that
 * change band against the first model, and conversion per band from sales' outcomes.
 */
export class CompareScoringModels {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(input: CompareInput): Promise<CompareResult> {
    return this.transactions.run(async (tx): Promise<CompareResult> => {
      const models: ScoringModel[] = [];
      for (const [i, ref] of input.models.entries()) {
        const stored =
          ref.version === undefined
            ? await tx.models.latest(ref.modelId)
            : await tx.models.get(ref.modelId, ref.version);
        if (stored === undefined) {
          const name = ref.version === undefined ? ref.modelId : `${ref.modelId} version ${ref.version}`;
          return { kind: 'model_not_found', path: `models[${i}]`, message: `no published model ${name}` };
        }
        models.push(stored.model);
      }
      const [first, ...rest] = models;
      if (first === undefined)
        return { kind: 'model_not_found', path: 'models', message: 'needs at least one model' };
      const leads = await tx.leads.comparable();
      const at = input.at ?? this.clock.now();
      const entries = compareModels([first, ...rest], leads, at);
      return {
        kind: 'compared',
        view: {
          at,
          leads: leads.length,
          models: entries.map((e) => ({
            ...e,
            bandChangeCount: e.bandChanges.length,
            bandChanges: e.bandChanges.slice(0, input.maxBandChanges),
          })),
        },
      };
    });
  }
}
