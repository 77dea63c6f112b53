import { prepared, type TxContext } from '@smarketing/messaging';
import { RecordStore } from '../../app/ports/record-store.port';

/** A column kept next to the record for an index (a time, an account id); the record itself stays the truth. */
export type IndexedColumn<R> = {
  readonly name: string;
  readonly type: 'text' | 'timestamptz';
  readonly of: (r: R) => string | number | null;
};

export type RecordTable<R> = {
  readonly table: string;
  readonly key: string;
  readonly keyOf: (r: R) => string;
  readonly columns: readonly IndexedColumn<R>[];
};

type Row = { key: string; record: unknown };

const toParam = (type: IndexedColumn<unknown>['type'], v: string | number | null) =>
  v === null ? null : type === 'timestamptz' ? new Date(v).toISOString() : String(v);

/**
 * A read-model table of keyed jsonb records: locked, read and written whole by key (the roll-up,
 * not these rows, serves the dashboard).
 */
export class PgRecordStore<R> extends RecordStore<R> {
  private readonly claim;
  private readonly read;
  private readonly save;

  constructor(
    private readonly sql: Pick<TxContext, 'query'>,
    private readonly spec: RecordTable<R>,
  ) {
    super();
    const { table, key, columns } = spec;
    const names = [key, ...columns.map((c) => c.name), 'record'];
    const types = ['text', ...columns.map((c) => c.type), 'jsonb'];
    // A key without a row yet has nothing for FOR UPDATE to lock: two batches creating one record
    // would both fold it from nothing and the later write would drop the earlier one's events (and
    // both would add its contributions). A transaction-scoped advisory lock per key (the table's hash
    // and the key's), taken in hash order so that two batches never wait on each other in a cycle,
    // serializes them whether the row exists or not (so no row lock is needed on top).
    this.claim = prepared(
      `reporting.${table}.claim`,
      `SELECT count(pg_advisory_xact_lock(hashtext('${table}'), h))::int AS n
       FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS keys`,
    );
    this.read = prepared(
      `reporting.${table}.read`,
      `SELECT ${key} AS key, record FROM ${table} WHERE ${key} = ANY($1::text[])`,
    );
    this.save = prepared(
      `reporting.${table}.save`,
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
       ON CONFLICT (${key}) DO UPDATE SET ${names
         .slice(1)
         .map((n) => `${n} = EXCLUDED.${n}`)
         .join(', ')}`,
    );
  }

  async lockMany(keys: readonly string[]): Promise<Map<string, R>> {
    if (!keys.length) return new Map();
    await this.sql.query(this.claim, [[...new Set(keys)]]);
    return this.rows(this.read, keys);
  }

  async readMany(keys: readonly string[]): Promise<Map<string, R>> {
    return this.rows(this.read, keys);
  }

  async saveMany(records: readonly R[]): Promise<void> {
    if (!records.length) return;
    const sorted = [...records].sort((a, b) => (this.spec.keyOf(a) < this.spec.keyOf(b) ? -1 : 1));
    await this.sql.query(this.save, [
      sorted.map(this.spec.keyOf),
      ...this.spec.columns.map((c) => sorted.map((r) => toParam(c.type, c.of(r)))),
      sorted.map((r) => JSON.stringify(r)),
    ]);
  }

  private async rows(sql: ReturnType<typeof prepared>, keys: readonly string[]): Promise<Map<string, R>> {
    if (!keys.length) return new Map();
    const rows = await this.sql.query<Row>(sql, [[...new Set(keys)].sort()]);
    return new Map(rows.map((r) => [r.key, r.record as R]));
  }
}
