import { DashboardQueries, InvalidQueryError, ReviewCommands, type TargetInput } from '../../../app/queries';
import type {
  ActionItem,
  DashboardFilters,
  DashboardView,
  FilterOptions,
  MetricDefinition,
  MetricOwner,
  RebuildStatus,
  WeeklyReview,
} from '../../../app/views';
import { CATALOG, DASHBOARD, REVIEW } from './fixture';

/** The read side in memory: the fixture for 2026-Q4, half of it for segment `smb`, and a version the spec moves. */
export class FakeDashboardQueries extends DashboardQueries {
  readonly asked: { period: string; filters: DashboardFilters }[] = [];
  version = 1;
  failFreshness = false;

  async dashboard(q: { period: string; filters: DashboardFilters }): Promise<DashboardView> {
    this.asked.push(q);
    if (q.period !== '2026-Q4') throw new InvalidQueryError('period', `no data for ${q.period}`);
    if (q.filters.segment === 'smb')
      return {
        ...DASHBOARD,
        filters: q.filters,
        metrics: DASHBOARD.metrics.map((m) => ({ ...m, actual: m.actual === null ? null : m.actual / 2 })),
      };
    return { ...DASHBOARD, filters: q.filters };
  }

  async filterOptions(): Promise<FilterOptions> {
    return {
      segments: ['enterprise', 'smb'],
      regions: ['emea', 'na'],
      channels: ['paid-search', 'webinar'],
      teams: ['team-emea'],
    };
  }

  async weeklyReview(q: { week: string }): Promise<WeeklyReview> {
    if (q.week !== REVIEW.week) throw new InvalidQueryError('week', `no review for ${q.week}`);
    return REVIEW;
  }

  catalog(): readonly MetricDefinition[] {
    return CATALOG;
  }

  async freshness(): Promise<{ asOf: string | null; version: number }> {
    if (this.failFreshness) throw new Error('connection refused');
    return { asOf: DASHBOARD.asOf, version: this.version };
  }

  async rebuildStatus(): Promise<RebuildStatus> {
    return { state: 'idle', startedAt: null, finishedAt: null, topics: [], error: null };
  }
}

export class FakeReviewCommands extends ReviewCommands {
  readonly targets = new Map<string, readonly TargetInput[]>();
  readonly items = new Map<string, ActionItem>();

  async setTargets(q: { period: string; targets: readonly TargetInput[] }): Promise<void> {
    const known = new Set(CATALOG.map((m) => m.id));
    const bad = q.targets.findIndex((t) => !known.has(t.metricId));
    if (bad >= 0) throw new InvalidQueryError(`targets[${bad}].metricId`, 'is not a metric of the catalog');
    this.targets.set(q.period, q.targets);
  }

  async addActionItem(q: {
    week: string;
    owner: MetricOwner;
    text: string;
    due: string | null;
  }): Promise<ActionItem> {
    const item: ActionItem = { id: `item-${this.items.size + 1}`, ...q, done: false };
    this.items.set(item.id, item);
    return item;
  }

  async completeActionItem(q: { id: string; done: boolean }): Promise<ActionItem | null> {
    const item = this.items.get(q.id);
    if (item === undefined) return null;
    const done = { ...item, done: q.done };
    this.items.set(q.id, done);
    return done;
  }
}
