import { prepared, type TxContext } from '@smarketing/messaging';
import { RulesStore, type StoredRules } from '../../app/ports/rules-store.port';
import type { RoutingRules } from '../../domain';

type Row = {
  version: number;
  document: RoutingRules;
  source: StoredRules['source'];
  published_at: Date;
  published_by: string | null;
};

const GET = prepared(
  'routing.rules.get',
  `SELECT version, document, source, published_at, published_by FROM routing_rules WHERE version = $1`,
);

const toStored = (r: Row): StoredRules => ({
  rules: r.document,
  source: r.source,
  publishedAt: r.published_at.getTime(),
  publishedBy: r.published_by,
});

/** routing_rules: immutable versions (insert only); the highest version routes. */
export class PgRulesStore extends RulesStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async insert(row: StoredRules): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO routing_rules (version, document, source, published_at, published_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (version) DO NOTHING RETURNING version`,
      [
        row.rules.version,
        JSON.stringify(row.rules),
        row.source,
        new Date(row.publishedAt).toISOString(),
        row.publishedBy,
      ],
    );
    return rows.length > 0;
  }

  async get(version: number): Promise<StoredRules | undefined> {
    const [row] = await this.sql.query<Row>(GET, [version]);
    return row && toStored(row);
  }

  async latest(): Promise<StoredRules | undefined> {
    const [row] = await this.sql.query<Row>(
      `SELECT version, document, source, published_at, published_by FROM routing_rules ORDER BY version DESC LIMIT 1`,
    );
    return row && toStored(row);
  }

  async list(): Promise<{ version: number; name: string; publishedAt: number; source: string }[]> {
    const rows = await this.sql.query<{ version: number; name: string; published_at: Date; source: string }>(
      `SELECT version, document->>'name' AS name, published_at, source FROM routing_rules ORDER BY version DESC`,
    );
    return rows.map((r) => ({
      version: r.version,
      name: r.name,
      publishedAt: r.published_at.getTime(),
      source: r.source,
    }));
  }
}
