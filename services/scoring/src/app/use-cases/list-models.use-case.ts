import type { StoredModel } from '../ports/model-store.port';
import type { Transactions } from '../ports/transactions.port';

export type ModelVersionSummary = {
  modelId: string;
  version: number;
  name: string;
  isDefault: boolean;
  /** The newest version of its model id (the one compared and scored on demand by default). */
  isLatest: boolean;
  source: StoredModel['source'];
  publishedAt: number;
  publishedBy: string | null;
};

/** Every published model version, newest first within a model id. */
export class ListModels {
  constructor(private readonly transactions: Transactions) {}

  async execute(): Promise<ModelVersionSummary[]> {
    const stored = await this.transactions.run((tx) => tx.models.list());
    const latest = new Map<string, number>();
    for (const s of stored) latest.set(s.model.id, Math.max(latest.get(s.model.id) ?? 0, s.model.version));
    return stored
      .map((s) => ({
        modelId: s.model.id,
        version: s.model.version,
        name: s.model.name,
        isDefault: s.isDefault,
        isLatest: latest.get(s.model.id) === s.model.version,
        source: s.source,
        publishedAt: s.publishedAt,
        publishedBy: s.publishedBy,
      }))
      .sort((a, b) => a.modelId.localeCompare(b.modelId) || b.version - a.version);
  }
}
