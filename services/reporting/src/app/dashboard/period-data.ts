import { DETAIL_METRICS } from '../../domain/dashboard-tables';
import { METRICS_CATALOG, type MetricInputs, type MetricOwner } from '../../domain/metrics-catalog';
import { parsePeriod, trendPeriods, type Period } from '../../domain/period';
import type { RollupRow } from '../../domain/rollup';
import type { Tier1Coverage } from '../ports/account-store.port';
import type { RollupFilters } from '../ports/rollup-store.port';
import type { ReportingTx } from '../ports/transactions.port';
import { InvalidQueryError } from '../queries';
import type { MetricValue, PeriodView } from '../views';
import type { DashboardSettings } from './dashboard-settings';

export const periodView = (p: Period): PeriodView => ({
  id: p.id,
  start: new Date(p.start).toISOString(),
  end: new Date(p.end).toISOString(),
});

export function parsePeriodOrThrow(id: string, field = 'period'): Period {
  const p = parsePeriod(id);
  if (!p)
    throw new InvalidQueryError(
      field,
      `${field} must be a quarter (2026-Q4), a month (2026-11) or an ISO week (2026-W48), got "${id}"`,
    );
  return p;
}

/** The inputs of the catalog's formulas for one period, read from the roll-up and the small tables (Tier 1 coverage read for every period at once). */
export async function loadInputs(
  tx: ReportingTx,
  p: Period,
  filters: RollupFilters,
  settings: DashboardSettings,
  targets: ReadonlyMap<string, number>,
  tier1: Tier1Coverage,
): Promise<MetricInputs> {
  // Per-metric totals (the cube): the formulas, the funnel, the quality tables and aging read no more.
  const rows = await tx.rollup.totals(p.start, p.end, filters);
  const volume = (await tx.volume.startingIn(p.start, p.end)).reduce(
    (v, r) => ({
      target: v.target + r.evaluation.targetMqls,
      actual: v.actual + r.evaluation.actualMqls,
      accepted: v.accepted + r.evaluation.acceptedMqls,
    }),
    { target: 0, actual: 0, accepted: 0 },
  );
  return {
    rows,
    minorPerUnit: settings.minorPerUnit,
    customerLifeMonths: settings.customerLifeMonths,
    volume,
    tier1,
    targets,
  };
}

/** What the selected period's other tables read: the channel table's metrics by channel, and SLA outcomes and dispositions with their detail. */
export async function loadTableRows(
  tx: ReportingTx,
  p: Period,
  filters: RollupFilters,
): Promise<{ readonly channels: RollupRow[]; readonly detail: RollupRow[] }> {
  const channels = await tx.rollup.byChannel(p.start, p.end, filters);
  const detail = await tx.rollup.sumOf(p.start, p.end, filters, DETAIL_METRICS);
  return { channels, detail };
}

export type PeriodMetrics = {
  readonly period: Period;
  readonly inputs: MetricInputs;
  readonly targets: ReadonlyMap<string, { readonly target: number | null; readonly owner: MetricOwner }>;
};

/** The selected period and the six before it, with their inputs and targets (oldest first). */
export async function loadTrend(
  tx: ReportingTx,
  p: Period,
  filters: RollupFilters,
  settings: DashboardSettings,
): Promise<PeriodMetrics[]> {
  const periods = trendPeriods(p);
  const stored = await tx.targets.forPeriods(periods.map((x) => x.id));
  const tier1 = await tx.accounts.tier1Coverage(periods.map((x) => x.id));
  const out: PeriodMetrics[] = [];
  // One connection serves the transaction: the queries run one after the other anyway.
  for (const period of periods) {
    const targets = new Map(
      stored
        .filter((t) => t.period === period.id)
        .map((t) => [t.metricId, { target: t.target, owner: t.owner }]),
    );
    const numeric = new Map(
      [...targets].flatMap(([k, v]) => (v.target === null ? [] : [[k, v.target] as const])),
    );
    out.push({
      period,
      targets,
      inputs: await loadInputs(tx, period, filters, settings, numeric, tier1.get(period.id)!),
    });
  }
  return out;
}

/** Every catalog metric's value: actual, previous, target (MQL volume falls back on the volume SLA's), owner, trend. */
export function metricValues(trend: readonly PeriodMetrics[]): MetricValue[] {
  const current = trend[trend.length - 1]!;
  const previous = trend[trend.length - 2];
  return METRICS_CATALOG.map((m) => {
    const set = current.targets.get(m.id);
    const volumeTarget =
      m.id === 'mql-volume' && current.inputs.volume.target > 0 ? current.inputs.volume.target : null;
    return {
      id: m.id,
      actual: m.formula(current.inputs),
      previous: previous ? m.formula(previous.inputs) : null,
      target: set?.target ?? volumeTarget,
      owner: set?.owner ?? m.defaultOwner,
      trend: trend.map((t) => ({ period: t.period.id, value: m.formula(t.inputs) })),
    };
  });
}
