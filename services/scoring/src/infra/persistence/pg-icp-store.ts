import { prepared } from '@smarketing/messaging';
import { IcpStore, type StoredIcp } from '../../app/ports/icp-store.port';
import type { Icp } from '../../domain';
import type { ModelCache } from './model-cache';
import type { Sql } from './sql';

type IcpRow = {
  icp_id: string;
  version: number;
  document: unknown;
  is_current: boolean;
  source: StoredIcp['source'];
  published_by: string | null;
  published_at: Date;
};

const COLUMNS = 'icp_id, version, document, is_current, source, published_by, published_at';

/** Read once per batch that changes accounts. */
const CURRENT = prepared('scoring.icps.current', `SELECT icp_id, version FROM scoring_icps WHERE is_current`);

/** scoring_icps: immutable versions; exactly one row carries the current flag. */
export class PgIcpStore extends IcpStore {
  constructor(
    private readonly sql: Sql,
    private readonly cache: ModelCache,
  ) {
    super();
  }

  private toStored(r: IcpRow): StoredIcp {
    return {
      icp: this.cache.getIcp(r.icp_id, r.version) ?? this.cache.parseIcp(r.document),
      isCurrent: r.is_current,
      source: r.source,
      publishedAt: r.published_at.getTime(),
      publishedBy: r.published_by,
    };
  }

  async insert(s: StoredIcp): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO scoring_icps (icp_id, version, name, document, is_current, source, published_by, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (icp_id, version) DO NOTHING RETURNING icp_id`,
      [
        s.icp.id,
        s.icp.version,
        s.icp.name,
        JSON.stringify(s.icp),
        s.isCurrent,
        s.source,
        s.publishedBy,
        new Date(s.publishedAt),
      ],
    );
    return rows.length === 1;
  }

  async get(icpId: string, version: number): Promise<StoredIcp | undefined> {
    const [row] = await this.sql.query<IcpRow>(
      `SELECT ${COLUMNS} FROM scoring_icps WHERE icp_id = $1 AND version = $2`,
      [icpId, version],
    );
    return row && this.toStored(row);
  }

  async latest(icpId: string): Promise<StoredIcp | undefined> {
    const [row] = await this.sql.query<IcpRow>(
      `SELECT ${COLUMNS} FROM scoring_icps WHERE icp_id = $1 ORDER BY version DESC LIMIT 1`,
      [icpId],
    );
    return row && this.toStored(row);
  }

  async list(): Promise<StoredIcp[]> {
    const rows = await this.sql.query<IcpRow>(
      `SELECT ${COLUMNS} FROM scoring_icps ORDER BY icp_id, version DESC`,
    );
    return rows.map((r) => this.toStored(r));
  }

  async current(): Promise<Icp | undefined> {
    const [ref] = await this.sql.query<{ icp_id: string; version: number }>(CURRENT);
    if (ref === undefined) return undefined;
    return this.cache.getIcp(ref.icp_id, ref.version) ?? (await this.get(ref.icp_id, ref.version))?.icp;
  }

  async setCurrent(icpId: string, version: number): Promise<void> {
    // Two statements: the one-current unique index is checked row by row.
    await this.sql.query(
      `UPDATE scoring_icps SET is_current = false WHERE is_current AND NOT (icp_id = $1 AND version = $2)`,
      [icpId, version],
    );
    await this.sql.query(`UPDATE scoring_icps SET is_current = true WHERE icp_id = $1 AND version = $2`, [
      icpId,
      version,
    ]);
  }
}
