import type { Contribution } from '../../domain/contributions';
import type { RollupRow } from '../../domain/rollup';

export type RollupFilters = {
  readonly segment?: string;
  readonly region?: string;
  readonly channel?: string;
  readonly team?: string;
};

/** reporting_daily (the roll-up), its formula cube and reporting_freshness (how far it is). */
export abstract class RollupStore {
  /** Adds the counters to the roll-up and the cube (one statement per table; counters of the same key summed first). */
  abstract add(contributions: readonly Contribution[]): Promise<void>;
  /** Records an applied batch: the newest event time it carried, and one more version. */
  abstract applied(newestEventAt: number | null): Promise<void>;
  /** The roll-up over the days in [start, end) with the filters (a `*` dimension passes every filter). */
  abstract sum(start: number, end: number, filters: RollupFilters): Promise<RollupRow[]>;
  /** The same, of these metrics only (the tables that need every detail: SLA by rep, rejections). */
  abstract sumOf(
    start: number,
    end: number,
    filters: RollupFilters,
    metrics: readonly string[],
  ): Promise<RollupRow[]>;
  /**
   * What the catalog's formulas read: per metric, its bounded buckets (domain/cube.ts `cubeBucketOf`) as
   * `detail`, channel and team `*` (and the day of `mql.unworked`); equal to `cubeTotals(sum(…))`.
   */
  abstract totals(start: number, end: number, filters: RollupFilters): Promise<RollupRow[]>;
  /** The channel table's metrics (domain/cube.ts `CHANNEL_METRICS`) per channel: `cubeTotals(sumOf(…), true)`. */
  abstract byChannel(start: number, end: number, filters: RollupFilters): Promise<RollupRow[]>;
  abstract freshness(): Promise<{ readonly asOf: number | null; readonly version: number }>;
  /** The values each filter dimension takes in the roll-up. */
  abstract dimensionValues(): Promise<{
    readonly segments: string[];
    readonly regions: string[];
    readonly channels: string[];
    readonly teams: string[];
  }>;
}
