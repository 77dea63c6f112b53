import type { ScoringModel } from '../../domain';
import { DEFAULT_MODEL_ID } from '../model-file/bundled-models';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

/**
 * Start-up: inserts the model files shipped in services/scoring/models that the table does not have
 * yet (published versions are immutable, so an existing one is left alone) and makes the aligned
 * model the default when nothing is.
 */
export class SeedBundledModels {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(bundled: readonly ScoringModel[]): Promise<{ inserted: string[] }> {
    return this.transactions.run(async (tx) => {
      const inserted: string[] = [];
      for (const model of bundled) {
        const fresh = await tx.models.insert({
          model,
          isDefault: false,
          source: 'bundled',
          publishedAt: this.clock.now(),
          publishedBy: null,
        });
        if (fresh) inserted.push(`${model.id}@${model.version}`);
      }
      if ((await tx.models.defaultModel()) === undefined) {
        const latest = await tx.models.latest(DEFAULT_MODEL_ID);
        if (latest === undefined)
          throw new Error(`the bundled models do not include the default model "${DEFAULT_MODEL_ID}"`);
        await tx.models.setDefault(latest.model.id, latest.model.version);
      }
      return { inserted };
    });
  }
}
