import type { ScoringModel } from '../../domain';
import { ModelStore, type StoredModel } from '../../app/ports/model-store.port';
import type { ModelCache } from './model-cache';
import type { Sql } from './sql';

type ModelRow = {
  model_id: string;
  version: number;
  document: unknown;
  is_default: boolean;
  source: StoredModel['source'];
  published_by: string | null;
  published_at: Date;
};

/** scoring_models: immutable versions; exactly one row carries the default flag. */
export class PgModelStore extends ModelStore {
  constructor(
    private readonly sql: Sql,
    private readonly cache: ModelCache,
  ) {
    super();
  }

  private toStored(r: ModelRow): StoredModel {
    return {
      model: this.cache.get(r.model_id, r.version) ?? this.cache.parse(r.document),
      isDefault: r.is_default,
      source: r.source,
      publishedAt: r.published_at.getTime(),
      publishedBy: r.published_by,
    };
  }

  async insert(m: StoredModel): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO scoring_models (model_id, version, name, document, is_default, source, published_by, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (model_id, version) DO NOTHING RETURNING model_id`,
      [
        m.model.id,
        m.model.version,
        m.model.name,
        JSON.stringify(m.model),
        m.isDefault,
        m.source,
        m.publishedBy,
        new Date(m.publishedAt),
      ],
    );
    return rows.length === 1;
  }

  async get(modelId: string, version: number): Promise<StoredModel | undefined> {
    const [row] = await this.sql.query<ModelRow>(
      `SELECT * FROM scoring_models WHERE model_id = $1 AND version = $2`,
      [modelId, version],
    );
    return row && this.toStored(row);
  }

  async latest(modelId: string): Promise<StoredModel | undefined> {
    const [row] = await this.sql.query<ModelRow>(
      `SELECT * FROM scoring_models WHERE model_id = $1 ORDER BY version DESC LIMIT 1`,
      [modelId],
    );
    return row && this.toStored(row);
  }

  async list(): Promise<StoredModel[]> {
    const rows = await this.sql.query<ModelRow>(
      `SELECT * FROM scoring_models ORDER BY model_id, version DESC`,
    );
    return rows.map((r) => this.toStored(r));
  }

  async defaultModel(): Promise<ScoringModel | undefined> {
    const [ref] = await this.sql.query<{ model_id: string; version: number }>(
      `SELECT model_id, version FROM scoring_models WHERE is_default`,
    );
    if (ref === undefined) return undefined;
    return this.cache.get(ref.model_id, ref.version) ?? (await this.get(ref.model_id, ref.version))?.model;
  }

  async setDefault(modelId: string, version: number): Promise<void> {
    // Two statements: the one-default unique index is checked row by row.
    await this.sql.query(
      `UPDATE scoring_models SET is_default = false WHERE is_default AND NOT (model_id = $1 AND version = $2)`,
      [modelId, version],
    );
    await this.sql.query(`UPDATE scoring_models SET is_default = true WHERE model_id = $1 AND version = $2`, [
      modelId,
      version,
    ]);
  }
}
