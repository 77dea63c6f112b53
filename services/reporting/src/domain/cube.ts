import { ANY, type Contribution, type Dims } from './contributions';
import type { RollupRow } from './rollup';

/**
 * The formula cube: each contribution counted once per filter dimension (and once under `all`),
 * with its detail kept only where a formula or a table reads it and the values are few
 * (histogram buckets, score bands and deciles). A period's totals with at most one filter then
 * sum a few rows per metric instead of every rep, campaign and reason.
 */
export type CubeDim = 'all' | keyof Dims;
export const CUBE_DIMS: readonly CubeDim[] = ['all', 'segment', 'region', 'channel', 'team'];

export type CubeCell = {
  readonly metric: string;
  readonly day: number;
  readonly dim: CubeDim;
  /** The contribution's value of `dim` (`*` under `all`, and where the dimension does not apply). */
  readonly value: string;
  readonly bucket: string;
  readonly sum: number;
  readonly count: number;
};

/** The detail the cube keeps: bounded breakdowns the catalog and the quality tables read; '' for the rest. */
export const cubeBucketOf = (metric: string, detail: string): string =>
  metric.endsWith('.hist') || metric.startsWith('quality.') ? detail : '';

/** The metrics of the channel table (channelsOf), read by channel from the cube. */
export const CHANNEL_METRICS: readonly string[] = [
  'stage.lead',
  'stage.sql',
  'pipeline',
  'spend',
  'attributed',
];

/** The cube cells of some contributions, one per dimension each (not summed). */
export const cubeCells = (contributions: readonly Contribution[]): CubeCell[] =>
  contributions.flatMap((c) =>
    CUBE_DIMS.map((dim) => ({
      metric: c.metric,
      day: c.day,
      dim,
      value: dim === 'all' ? ANY : c.dims[dim],
      bucket: cubeBucketOf(c.metric, c.detail),
      sum: c.sum,
      count: c.count,
    })),
  );

export type CubeFilters = {
  readonly segment?: string;
  readonly region?: string;
  readonly channel?: string;
  readonly team?: string;
};

/**
 * The cube slice that answers the filters: `all` without one, that dimension with exactly one
 * (a `*` value passes it, as in the detailed roll-up), none with more (the detailed roll-up does).
 */
export function cubeSlice(f: CubeFilters): { readonly dim: CubeDim; readonly value: string | null } | null {
  const set = (['segment', 'region', 'channel', 'team'] as const).filter((d) => f[d] !== undefined);
  if (set.length === 0) return { dim: 'all', value: null };
  if (set.length === 1) return { dim: set[0]!, value: f[set[0]!]! };
  return null;
}

/**
 * Detailed rows summed to the cube's grain: per metric and bucket (and per channel when `byChannel`),
 * the day kept where the roll-up keeps it (`mql.unworked`); zeros dropped. What the cube answers,
 * for the filters it cannot (two or more).
 */
export function cubeTotals(rows: readonly RollupRow[], byChannel = false): RollupRow[] {
  const out = new Map<string, RollupRow>();
  for (const r of rows) {
    const channel = byChannel ? r.channel : ANY;
    const detail = cubeBucketOf(r.metric, r.detail);
    const k = [r.metric, channel, detail, r.day].join('\u0000');
    const cur = out.get(k);
    out.set(k, {
      metric: r.metric,
      channel,
      team: ANY,
      detail,
      day: r.day,
      sum: (cur?.sum ?? 0) + r.sum,
      count: (cur?.count ?? 0) + r.count,
    });
  }
  return [...out.values()].filter((r) => r.count !== 0 || Math.abs(r.sum) > 1e-9);
}
