import { attainmentOf, channelsOf, funnelOf, qualityOf, rejectionsOf } from '../../domain/dashboard-tables';
import { previousPeriod } from '../../domain/period';
import {
  loadTableRows,
  loadTrend,
  metricValues,
  parsePeriodOrThrow,
  periodView,
} from '../dashboard/period-data';
import type { DashboardSettings } from '../dashboard/dashboard-settings';
import type { Transactions } from '../ports/transactions.port';
import type { DashboardFilters, DashboardView } from '../views';

/** The shared dashboard of a period with filters: every catalog metric, the funnel and the tables. */
export class GetDashboard {
  constructor(
    private readonly transactions: Transactions,
    private readonly settings: DashboardSettings,
  ) {}

  async execute(q: { readonly period: string; readonly filters: DashboardFilters }): Promise<DashboardView> {
    const period = parsePeriodOrThrow(q.period);
    return this.transactions.run(async (tx) => {
      const trend = await loadTrend(tx, period, q.filters, this.settings);
      const { rows } = trend[trend.length - 1]!.inputs;
      const tables = await loadTableRows(tx, period, q.filters);
      const volume = await tx.volume.startingIn(period.start, period.end);
      const { asOf } = await tx.rollup.freshness();
      const attainment = (kind: 'response' | 'disposition') =>
        attainmentOf(tables.detail, kind).map((r) => ({ ...r }));
      return {
        period: periodView(period),
        previousPeriod: periodView(previousPeriod(period)),
        filters: q.filters,
        currency: this.settings.currency,
        metrics: metricValues(trend),
        funnel: funnelOf(rows),
        channels: channelsOf(tables.channels, this.settings.minorPerUnit),
        attainment: {
          response: attainment('response'),
          disposition: attainment('disposition'),
          // A volume policy names its own segment (regions and sources): the lead filters do not apply.
          volume: volume.map(({ evaluation: e }) => ({
            policyId: e.policyId,
            segment: e.segment,
            target: e.targetMqls,
            actual: e.actualMqls,
            qualityRate: e.acceptedShare ?? (e.actualMqls ? e.acceptedMqls / e.actualMqls : null),
            status: e.status,
          })),
        },
        quality: {
          byBand: qualityOf(rows, 'band'),
          byDecile: qualityOf(rows, 'decile'),
          rejections: rejectionsOf(tables.detail),
        },
        asOf: asOf === null ? null : new Date(asOf).toISOString(),
      };
    });
  }
}
