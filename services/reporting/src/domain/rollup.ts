import { medianOf } from './histogram';

/** The daily roll-up summed over a period's days with the filters: one row per metric, channel, team and detail. */
export type RollupRow = {
  readonly metric: string;
  readonly channel: string;
  readonly team: string;
  readonly detail: string;
  /** Kept only for `mql.unworked`, whose age matters (lead aging); null elsewhere. */
  readonly day: number | null;
  readonly sum: number;
  readonly count: number;
};

export type Total = { readonly sum: number; readonly count: number };

/** Sums of the rows of one metric, optionally of one group (a channel, team or detail). */
export const total = (rows: readonly RollupRow[], metric: string, where?: (r: RollupRow) => boolean): Total =>
  rows
    .filter((r) => r.metric === metric && (!where || where(r)))
    .reduce((t, r) => ({ sum: t.sum + r.sum, count: t.count + r.count }), { sum: 0, count: 0 });

/** The rows of `metric` grouped by `by`, summed. */
export function groupBy(
  rows: readonly RollupRow[],
  metric: string,
  by: (r: RollupRow) => string,
): Map<string, Total> {
  const out = new Map<string, Total>();
  for (const r of rows) {
    if (r.metric !== metric) continue;
    const k = by(r);
    const t = out.get(k) ?? { sum: 0, count: 0 };
    out.set(k, { sum: t.sum + r.sum, count: t.count + r.count });
  }
  return out;
}

/** The median of a histogram metric (`<metric>.hist`, bucket in detail). */
export const medianOfRows = (rows: readonly RollupRow[], metric: string): number | null =>
  medianOf(new Map([...groupBy(rows, metric, (r) => r.detail)].map(([b, t]) => [Number(b), t.count])));

/** a / b, null when b is 0 (nothing to divide by). */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
