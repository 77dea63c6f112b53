import { prepared, type TxContext } from '@smarketing/messaging';
import { RollupStore, type RollupFilters } from '../../app/ports/rollup-store.port';
import type { Contribution } from '../../domain/contributions';
import type { RollupRow } from '../../domain/rollup';

const addTo = (table: 'reporting_daily' | 'reporting_monthly') =>
  prepared(
    `reporting.${table}.add`,
    `INSERT INTO ${table} (metric, day, segment, region, channel, team, detail, sum, count)
     SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::float8[], $9::bigint[])
     ON CONFLICT (day, metric, segment, region, channel, team, detail)
     DO UPDATE SET sum = ${table}.sum + EXCLUDED.sum, count = ${table}.count + EXCLUDED.count`,
  );
const ADD = { daily: addTo('reporting_daily'), monthly: addTo('reporting_monthly') };
const APPLIED = prepared(
  'reporting.freshness.applied',
  `UPDATE reporting_freshness SET as_of = GREATEST(as_of, $1::timestamptz), version = version + 1 WHERE id = 1`,
);
const FRESHNESS = prepared(
  'reporting.freshness.read',
  `SELECT (extract(epoch FROM as_of) * 1000)::float8 AS as_of, version::float8 AS version FROM reporting_freshness WHERE id = 1`,
);
// A `*` dimension (spend has no segment) passes every filter on it.
const sumOf = (table: 'reporting_daily' | 'reporting_monthly') =>
  prepared(
    `reporting.${table}.sum`,
    `SELECT metric, channel, team, detail,
            CASE WHEN metric = 'mql.unworked' THEN (extract(epoch FROM day) * 1000)::float8 END AS day,
            sum(sum)::float8 AS sum, sum(count)::float8 AS count
     FROM ${table}
     WHERE day >= $1::date AND day < $2::date
       AND ($3::text IS NULL OR segment IN ($3, '*'))
       AND ($4::text IS NULL OR region IN ($4, '*'))
       AND ($5::text IS NULL OR channel IN ($5, '*'))
       AND ($6::text IS NULL OR team IN ($6, '*'))
     GROUP BY 1, 2, 3, 4, 5
     HAVING sum(count) <> 0 OR sum(sum) <> 0`,
  );
const SUM = { daily: sumOf('reporting_daily'), monthly: sumOf('reporting_monthly') };
const DIMENSIONS = prepared(
  'reporting.daily.dimensions',
  `SELECT 'segment' AS dim, segment AS value FROM reporting_monthly GROUP BY segment
   UNION ALL SELECT 'region', region FROM reporting_monthly GROUP BY region
   UNION ALL SELECT 'channel', channel FROM reporting_monthly GROUP BY channel
   UNION ALL SELECT 'team', team FROM reporting_monthly GROUP BY team`,
);

const DAY = 86_400_000;
const date = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
const monthOf = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const isMonthStart = (ms: number) => monthOf(ms) === ms;

const keyOf = (c: Contribution) =>
  [c.day, c.metric, c.dims.segment, c.dims.region, c.dims.channel, c.dims.team, c.detail].join('\u0000');

/** Counters summed per key (one row per key and statement), zeros dropped, in key order. */
function aggregate(contributions: readonly Contribution[], dayOf: (day: number) => number): Contribution[] {
  const acc = new Map<string, Contribution>();
  for (const raw of contributions) {
    const c = { ...raw, day: dayOf(raw.day) };
    const k = keyOf(c);
    const cur = acc.get(k);
    acc.set(k, cur ? { ...cur, sum: cur.sum + c.sum, count: cur.count + c.count } : c);
  }
  // Counters in key order: concurrent batches touching the same counters lock them in one order.
  return [...acc.entries()]
    .filter(([, c]) => c.count !== 0 || c.sum !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, c]) => c);
}

/** reporting_daily, reporting_monthly and reporting_freshness through one transaction. */
export class PgRollupStore extends RollupStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async add(contributions: readonly Contribution[]): Promise<void> {
    await this.write(
      ADD.daily,
      aggregate(contributions, (day) => day),
    );
    await this.write(ADD.monthly, aggregate(contributions, monthOf));
  }

  private async write(sql: (typeof ADD)['daily'], rows: readonly Contribution[]): Promise<void> {
    if (!rows.length) return;
    await this.sql.query(sql, [
      rows.map((c) => c.metric),
      rows.map((c) => date(c.day)),
      rows.map((c) => c.dims.segment),
      rows.map((c) => c.dims.region),
      rows.map((c) => c.dims.channel),
      rows.map((c) => c.dims.team),
      rows.map((c) => c.detail),
      rows.map((c) => c.sum),
      rows.map((c) => c.count),
    ]);
  }

  async applied(newestEventAt: number | null): Promise<void> {
    await this.sql.query(APPLIED, [newestEventAt === null ? null : new Date(newestEventAt).toISOString()]);
  }

  async sum(start: number, end: number, filters: RollupFilters): Promise<RollupRow[]> {
    // Months and quarters read the monthly counters; weeks (and their aging by day) the daily ones.
    const monthly = isMonthStart(start) && isMonthStart(end);
    const rows = await this.sql.query<RollupRow>(monthly ? SUM.monthly : SUM.daily, [
      date(start),
      date(end),
      filters.segment ?? null,
      filters.region ?? null,
      filters.channel ?? null,
      filters.team ?? null,
    ]);
    return rows.map((r) => ({ ...r, day: r.day === null ? null : Number(r.day) }));
  }

  async freshness(): Promise<{ readonly asOf: number | null; readonly version: number }> {
    const [row] = await this.sql.query<{ as_of: number | null; version: number }>(FRESHNESS);
    return { asOf: row?.as_of ?? null, version: row?.version ?? 0 };
  }

  async dimensionValues() {
    const rows = await this.sql.query<{ dim: string; value: string }>(DIMENSIONS);
    const of = (dim: string) =>
      rows
        .filter((r) => r.dim === dim && r.value !== '*')
        .map((r) => r.value)
        .sort();
    return { segments: of('segment'), regions: of('region'), channels: of('channel'), teams: of('team') };
  }
}
