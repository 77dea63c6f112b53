import { prepared, type TxContext } from '@smarketing/messaging';
import type { AttributionSettings } from '../../domain';
import { SettingsStore, type StoredSettings } from '../../app/ports/settings-store.port';

type Row = {
  version: number;
  document: AttributionSettings;
  published_at_ms: string;
  source: StoredSettings['source'];
};

const LATEST = prepared(
  'attribution.settings.latest',
  `SELECT version, document, published_at_ms, source FROM attribution_settings ORDER BY version DESC LIMIT 1`,
);

const toStored = (r: Row): StoredSettings => ({
  settings: r.document,
  publishedAt: Number(r.published_at_ms),
  source: r.source,
});

/**
 * attribution_settings. Published versions are immutable, so the latest one is cached per
 * process by version: a batch reads one small row, and the parsed document is reused.
 */
export class PgSettingsStore extends SettingsStore {
  private static cache: StoredSettings | undefined;

  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async latest(): Promise<StoredSettings | undefined> {
    const [row] = await this.sql.query<Row>(LATEST);
    if (!row) return undefined;
    const cached = PgSettingsStore.cache;
    if (cached && cached.settings.version === row.version) return cached;
    return (PgSettingsStore.cache = toStored(row));
  }

  async get(version: number): Promise<StoredSettings | undefined> {
    const [row] = await this.sql.query<Row>(
      `SELECT version, document, published_at_ms, source FROM attribution_settings WHERE version = $1`,
      [version],
    );
    return row && toStored(row);
  }

  async list(): Promise<StoredSettings[]> {
    return (
      await this.sql.query<Row>(
        `SELECT version, document, published_at_ms, source FROM attribution_settings ORDER BY version DESC`,
      )
    ).map(toStored);
  }

  async insert(s: StoredSettings): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO attribution_settings (version, document, published_at_ms, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [s.settings.version, JSON.stringify(s.settings), s.publishedAt, s.source],
    );
    return rows.length === 1;
  }
}
