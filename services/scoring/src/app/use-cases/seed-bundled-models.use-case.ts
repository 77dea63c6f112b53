import { isDeepStrictEqual } from 'node:util';
import type { ScoringModel } from '../../domain';
import { DEFAULT_MODEL_ID } from '../model-file/bundled-models';
import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';

/** The comparison is on the JSON a version is stored as: key order and absent optionals do not count. */
const sameDocument = (a: ScoringModel, b: ScoringModel): boolean =>
  isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));

/**
 * Start-up: inserts the model files shipped in services/scoring/models that the table does not have
 * yet (published versions are immutable, so an existing one is left alone) and makes the aligned
 * model the default when nothing is. Reports stored versions whose document differs from the shipped
 * file: the stored one keeps scoring, and saying so is the only way anyone notices.
 */
export class SeedBundledModels {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async execute(bundled: readonly ScoringModel[]): Promise<{ inserted: string[]; differing: string[] }> {
    return this.transactions.run(async (tx) => {
      const inserted: string[] = [];
      const differing: string[] = [];
      for (const model of bundled) {
        const fresh = await tx.models.insert({
          model,
          isDefault: false,
          source: 'bundled',
          publishedAt: this.clock.now(),
          publishedBy: null,
        });
        if (fresh) {
          inserted.push(`${model.id}@${model.version}`);
          continue;
        }
        const stored = await tx.models.get(model.id, model.version);
        if (stored !== undefined && !sameDocument(stored.model, model))
          differing.push(`${model.id}@${model.version}`);
      }
      if ((await tx.models.defaultModel()) === undefined) {
        const latest = await tx.models.latest(DEFAULT_MODEL_ID);
        if (latest === undefined)
          throw new Error(`the bundled models do not include the default model "${DEFAULT_MODEL_ID}"`);
        await tx.models.setDefault(latest.model.id, latest.model.version);
      }
      return { inserted, differing };
    });
  }
}
