import { catalogDefinitions } from '../domain/metrics-catalog';
import { DashboardQueries } from './queries';
import type { GetDashboard } from './use-cases/get-dashboard.use-case';
import type { GetFilterOptions } from './use-cases/get-filter-options.use-case';
import type { GetFreshness } from './use-cases/get-freshness.use-case';
import type { GetRebuildStatus } from './use-cases/get-rebuild-status.use-case';
import type { GetWeeklyReview } from './use-cases/get-weekly-review.use-case';
import type {
  DashboardFilters,
  DashboardView,
  FilterOptions,
  MetricDefinition,
  RebuildStatus,
  WeeklyReview,
} from './views';

/** The read side the HTTP edge sees, each method one use case. */
export class ReportingQueries extends DashboardQueries {
  constructor(
    private readonly getDashboard: GetDashboard,
    private readonly getFilterOptions: GetFilterOptions,
    private readonly getWeeklyReview: GetWeeklyReview,
    private readonly getFreshness: GetFreshness,
    private readonly getRebuildStatus: GetRebuildStatus,
  ) {
    super();
  }

  dashboard(q: { readonly period: string; readonly filters: DashboardFilters }): Promise<DashboardView> {
    return this.getDashboard.execute(q);
  }
  filterOptions(): Promise<FilterOptions> {
    return this.getFilterOptions.execute();
  }
  weeklyReview(q: { readonly week: string }): Promise<WeeklyReview> {
    return this.getWeeklyReview.execute(q);
  }
  catalog(): readonly MetricDefinition[] {
    return catalogDefinitions();
  }
  freshness(): Promise<{ readonly asOf: string | null; readonly version: number }> {
    return this.getFreshness.execute();
  }
  rebuildStatus(): Promise<RebuildStatus> {
    return this.getRebuildStatus.execute();
  }
}
