import { prepared, type TxContext } from '@smarketing/messaging';
import { RollupStore, type RollupFilters } from '../../app/ports/rollup-store.port';
import type { Contribution } from '../../domain/contributions';
import { CHANNEL_METRICS, cubeCells, cubeSlice, cubeTotals, type CubeCell } from '../../domain/cube';
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
const addToCube = (table: 'reporting_cube_daily' | 'reporting_cube_monthly') =>
  prepared(
    `reporting.${table}.add`,
    `INSERT INTO ${table} (dim, value, day, metric, bucket, sum, count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::float8[], $7::bigint[])
     ON CONFLICT (dim, value, day, metric, bucket)
     DO UPDATE SET sum = ${table}.sum + EXCLUDED.sum, count = ${table}.count + EXCLUDED.count`,
  );
const ADD_CUBE = { daily: addToCube('reporting_cube_daily'), monthly: addToCube('reporting_cube_monthly') };
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
// A statement of its own (no optional metric list): its plan reads the (metric, day) index.
const sumOfMetrics = (table: 'reporting_daily' | 'reporting_monthly') =>
  prepared(
    `reporting.${table}.sum-of`,
    `SELECT metric, channel, team, detail,
            CASE WHEN metric = 'mql.unworked' THEN (extract(epoch FROM day) * 1000)::float8 END AS day,
            sum(sum)::float8 AS sum, sum(count)::float8 AS count
     FROM ${table}
     WHERE metric = ANY($7::text[]) AND day >= $1::date AND day < $2::date
       AND ($3::text IS NULL OR segment IN ($3, '*'))
       AND ($4::text IS NULL OR region IN ($4, '*'))
       AND ($5::text IS NULL OR channel IN ($5, '*'))
       AND ($6::text IS NULL OR team IN ($6, '*'))
     GROUP BY 1, 2, 3, 4, 5
     HAVING sum(count) <> 0 OR sum(sum) <> 0`,
  );
const SUM_OF = { daily: sumOfMetrics('reporting_daily'), monthly: sumOfMetrics('reporting_monthly') };
// One dimension's slice of the cube: `value` is the filter's ('*' under `all`), and a '*' value passes it.
const cubeTotalsOf = (table: 'reporting_cube_daily' | 'reporting_cube_monthly') =>
  prepared(
    `reporting.${table}.totals`,
    `SELECT metric, '*' AS channel, '*' AS team, bucket AS detail,
            CASE WHEN metric = 'mql.unworked' THEN (extract(epoch FROM day) * 1000)::float8 END AS day,
            sum(sum)::float8 AS sum, sum(count)::float8 AS count
     FROM ${table}
     WHERE dim = $1 AND value IN ($2, '*') AND day >= $3::date AND day < $4::date
     GROUP BY 1, 4, 5
     HAVING sum(count) <> 0 OR sum(sum) <> 0`,
  );
const TOTALS = {
  daily: cubeTotalsOf('reporting_cube_daily'),
  monthly: cubeTotalsOf('reporting_cube_monthly'),
};
// The channel slice per channel: every channel ($1 null) or the filter's and '*'.
const cubeChannelsOf = (table: 'reporting_cube_daily' | 'reporting_cube_monthly') =>
  prepared(
    `reporting.${table}.channels`,
    `SELECT metric, value AS channel, '*' AS team, '' AS detail, NULL::float8 AS day,
            sum(sum)::float8 AS sum, sum(count)::float8 AS count
     FROM ${table}
     WHERE dim = 'channel' AND ($1::text IS NULL OR value IN ($1, '*'))
       AND day >= $2::date AND day < $3::date AND metric = ANY($4::text[])
     GROUP BY 1, 2
     HAVING sum(count) <> 0 OR sum(sum) <> 0`,
  );
const CHANNELS = {
  daily: cubeChannelsOf('reporting_cube_daily'),
  monthly: cubeChannelsOf('reporting_cube_monthly'),
};
// The distinct (dim, value) pairs of the cube, one index probe each (a loose index scan over its
// primary key) instead of grouping every counter.
const DIMENSIONS = prepared(
  'reporting.cube.dimensions',
  `WITH RECURSIVE v AS (
     (SELECT dim, value FROM reporting_cube_monthly ORDER BY dim, value LIMIT 1)
     UNION ALL
     SELECT n.dim, n.value FROM v CROSS JOIN LATERAL (
       SELECT c.dim, c.value FROM reporting_cube_monthly c
       WHERE (c.dim, c.value) > (v.dim, v.value) ORDER BY c.dim, c.value LIMIT 1) n
   )
   SELECT dim, value FROM v WHERE dim <> 'all'`,
);

const DAY = 86_400_000;
const date = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString().slice(0, 10);
const monthOf = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const isMonthStart = (ms: number) => monthOf(ms) === ms;

const filterArgs = (start: number, end: number, f: RollupFilters) => [
  date(start),
  date(end),
  f.segment ?? null,
  f.region ?? null,
  f.channel ?? null,
  f.team ?? null,
];

const keyOf = (c: Contribution) =>
  [c.day, c.metric, c.dims.segment, c.dims.region, c.dims.channel, c.dims.team, c.detail].join('\u0000');

const cubeKeyOf = (c: CubeCell) => [c.dim, c.value, c.day, c.metric, c.bucket].join('\u0000');

/** Counters summed per key (one row per key and statement), zeros dropped, in key order. */
function aggregate<T extends { readonly day: number; readonly sum: number; readonly count: number }>(
  counters: readonly T[],
  dayOf: (day: number) => number,
  key: (c: T) => string,
): T[] {
  const acc = new Map<string, T>();
  for (const raw of counters) {
    const c = { ...raw, day: dayOf(raw.day) };
    const k = key(c);
    const cur = acc.get(k);
    acc.set(k, cur ? { ...cur, sum: cur.sum + c.sum, count: cur.count + c.count } : c);
  }
  // Counters in key order: concurrent batches touching the same counters lock them in one order.
  return [...acc.entries()]
    .filter(([, c]) => c.count !== 0 || c.sum !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, c]) => c);
}

const same = (day: number) => day;
// Months and quarters read the monthly tables; weeks (and their aging by day) the daily ones.
const grainOf = (start: number, end: number) =>
  isMonthStart(start) && isMonthStart(end) ? ('monthly' as const) : ('daily' as const);
const withDay = (rows: RollupRow[]) =>
  rows.map((r) => ({ ...r, day: r.day === null ? null : Number(r.day) }));

/** reporting_daily, reporting_monthly, their cubes and reporting_freshness through one transaction. */
export class PgRollupStore extends RollupStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async add(contributions: readonly Contribution[]): Promise<void> {
    await this.write(ADD.daily, aggregate(contributions, same, keyOf));
    await this.write(ADD.monthly, aggregate(contributions, monthOf, keyOf));
    const cells = cubeCells(contributions);
    await this.writeCube(ADD_CUBE.daily, aggregate(cells, same, cubeKeyOf));
    await this.writeCube(ADD_CUBE.monthly, aggregate(cells, monthOf, cubeKeyOf));
  }

  private async writeCube(sql: (typeof ADD_CUBE)['daily'], rows: readonly CubeCell[]): Promise<void> {
    if (!rows.length) return;
    await this.sql.query(sql, [
      rows.map((c) => c.dim),
      rows.map((c) => c.value),
      rows.map((c) => date(c.day)),
      rows.map((c) => c.metric),
      rows.map((c) => c.bucket),
      rows.map((c) => c.sum),
      rows.map((c) => c.count),
    ]);
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
    return withDay(
      await this.sql.query<RollupRow>(SUM[grainOf(start, end)], filterArgs(start, end, filters)),
    );
  }

  async sumOf(
    start: number,
    end: number,
    filters: RollupFilters,
    metrics: readonly string[],
  ): Promise<RollupRow[]> {
    return withDay(
      await this.sql.query<RollupRow>(SUM_OF[grainOf(start, end)], [
        ...filterArgs(start, end, filters),
        metrics,
      ]),
    );
  }

  async totals(start: number, end: number, filters: RollupFilters): Promise<RollupRow[]> {
    const slice = cubeSlice(filters);
    // Two filters or more: the cube keeps one dimension per row, the detailed counters answer.
    if (!slice) return cubeTotals(await this.sum(start, end, filters));
    return withDay(
      await this.sql.query<RollupRow>(TOTALS[grainOf(start, end)], [
        slice.dim,
        slice.value ?? '*',
        date(start),
        date(end),
      ]),
    );
  }

  async byChannel(start: number, end: number, filters: RollupFilters): Promise<RollupRow[]> {
    const slice = cubeSlice(filters);
    // The channel slice answers no filter or a channel filter; any other filter needs the detail.
    if (!slice || (slice.dim !== 'all' && slice.dim !== 'channel'))
      return cubeTotals(await this.sumOf(start, end, filters, CHANNEL_METRICS), true);
    return withDay(
      await this.sql.query<RollupRow>(CHANNELS[grainOf(start, end)], [
        slice.value,
        date(start),
        date(end),
        CHANNEL_METRICS,
      ]),
    );
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
