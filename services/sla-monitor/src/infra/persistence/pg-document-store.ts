import { prepared, type PreparedSql } from '@smarketing/messaging';
import type { BusinessCalendar } from '../../domain/business-calendar';
import type { SlaPolicy } from '../../domain/sla-policy';
import { CalendarStore, PolicyStore, type Stored } from '../../app/ports/document-store.port';
import type { Sql } from './sql';

type Row = {
  document: unknown;
  source: Stored<unknown>['source'];
  published_by: string | null;
  published_at: Date;
};

type Statements = {
  insert: PreparedSql;
  get: PreparedSql;
  latest: PreparedSql;
  latestAll: PreparedSql;
  list: PreparedSql;
};

const statements = (table: string, idColumn: string, withKind: boolean) => {
  const cols = `document, source, published_by, published_at`;
  const insertCols = `${idColumn}, version, ${withKind ? 'kind, ' : ''}${cols}`;
  const params = withKind ? '$1, $2, $3, $4, $5, $6, $7' : '$1, $2, $3, $4, $5, $6';
  return {
    insert: prepared(
      `sla-monitor.${table}.insert`,
      `INSERT INTO ${table} (${insertCols}) VALUES (${params}) ON CONFLICT (${idColumn}, version) DO NOTHING RETURNING version`,
    ),
    get: prepared(
      `sla-monitor.${table}.get`,
      `SELECT ${cols} FROM ${table} WHERE ${idColumn} = $1 AND version = $2`,
    ),
    latest: prepared(
      `sla-monitor.${table}.latest`,
      `SELECT ${cols} FROM ${table} WHERE ${idColumn} = $1 ORDER BY version DESC LIMIT 1`,
    ),
    latestAll: prepared(
      `sla-monitor.${table}.latest-all`,
      `SELECT DISTINCT ON (${idColumn}) ${cols} FROM ${table} ORDER BY ${idColumn}, version DESC`,
    ),
    list: prepared(`sla-monitor.${table}.list`, `SELECT ${cols} FROM ${table} ORDER BY ${idColumn}, version`),
  } satisfies Statements;
};

const POLICY_SQL = statements('sla_monitor_policies', 'policy_id', true);
const CALENDAR_SQL = statements('sla_monitor_calendars', 'calendar_id', false);

// Stored documents were validated when published; they are read back as they were written.
const toStored = <T>(r: Row): Stored<T> => ({
  document: r.document as T,
  source: r.source,
  publishedAt: r.published_at.getTime(),
  publishedBy: r.published_by,
});

/** The reads both document tables share: one version, the latest of one id, the latest of each, all. */
const documentReads = <T>(sql: Sql, q: Statements) => ({
  get: async (id: string, version: number) => {
    const [r] = await sql.query<Row>(q.get, [id, version]);
    return r && toStored<T>(r);
  },
  latest: async (id: string) => {
    const [r] = await sql.query<Row>(q.latest, [id]);
    return r && toStored<T>(r);
  },
  latestAll: async () => (await sql.query<Row>(q.latestAll)).map((r) => toStored<T>(r)),
  list: async () => (await sql.query<Row>(q.list)).map((r) => toStored<T>(r)),
});

/** sla_monitor_policies: immutable versions. */
export class PgPolicyStore extends PolicyStore {
  private readonly reads;
  constructor(private readonly sql: Sql) {
    super();
    this.reads = documentReads<SlaPolicy>(sql, POLICY_SQL);
  }
  async insert(s: Stored<SlaPolicy>): Promise<boolean> {
    const d = s.document;
    const rows = await this.sql.query(POLICY_SQL.insert, [
      d.id,
      d.version,
      d.kind,
      JSON.stringify(d),
      s.source,
      s.publishedBy,
      new Date(s.publishedAt).toISOString(),
    ]);
    return rows.length === 1;
  }
  get = (id: string, version: number) => this.reads.get(id, version);
  latest = (id: string) => this.reads.latest(id);
  latestAll = () => this.reads.latestAll();
  list = () => this.reads.list();
}

/** sla_monitor_calendars: immutable versions. */
export class PgCalendarStore extends CalendarStore {
  private readonly reads;
  constructor(private readonly sql: Sql) {
    super();
    this.reads = documentReads<BusinessCalendar>(sql, CALENDAR_SQL);
  }
  async insert(s: Stored<BusinessCalendar>): Promise<boolean> {
    const d = s.document;
    const rows = await this.sql.query(CALENDAR_SQL.insert, [
      d.id,
      d.version,
      JSON.stringify(d),
      s.source,
      s.publishedBy,
      new Date(s.publishedAt).toISOString(),
    ]);
    return rows.length === 1;
  }
  get = (id: string, version: number) => this.reads.get(id, version);
  latest = (id: string) => this.reads.latest(id);
  latestAll = () => this.reads.latestAll();
  list = () => this.reads.list();
}
