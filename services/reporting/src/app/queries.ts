import type {
  ActionItem,
  DashboardFilters,
  DashboardView,
  FilterOptions,
  MetricDefinition,
  MetricOwner,
  RebuildStatus,
  WeeklyReview,
} from './views';

// The read side the HTTP edge (controllers, the page, server-sent updates) depends on. The use cases
// implement these; the module binds each abstract class to its use case, so the edge never reaches
// into the read models.

export abstract class DashboardQueries {
  /** `period`: `2026-Q4`, `2026-11` or `2026-W48`; an invalid id throws InvalidQueryError. */
  abstract dashboard(q: {
    readonly period: string;
    readonly filters: DashboardFilters;
  }): Promise<DashboardView>;
  abstract filterOptions(): Promise<FilterOptions>;
  /** `week`: an ISO week `2026-W48`. */
  abstract weeklyReview(q: { readonly week: string }): Promise<WeeklyReview>;
  abstract catalog(): readonly MetricDefinition[];
  /** How far the read models are: the newest event time applied and a counter that grows with every batch (for SSE). */
  abstract freshness(): Promise<{ readonly asOf: string | null; readonly version: number }>;
  abstract rebuildStatus(): Promise<RebuildStatus>;
}

export type TargetInput = {
  readonly metricId: string;
  readonly target: number | null;
  readonly owner: MetricOwner;
};

export abstract class ReviewCommands {
  /** Replaces the period's targets and owners for the metrics listed; an unknown metric id throws InvalidQueryError. */
  abstract setTargets(q: {
    readonly period: string;
    readonly targets: readonly TargetInput[];
  }): Promise<void>;
  abstract addActionItem(q: {
    readonly week: string;
    readonly owner: MetricOwner;
    readonly text: string;
    readonly due: string | null;
  }): Promise<ActionItem>;
  /** null when no item has that id. */
  abstract completeActionItem(q: { readonly id: string; readonly done: boolean }): Promise<ActionItem | null>;
}

/** A query the caller got wrong (a period id that does not parse, an unknown metric): a 400 naming `field`. */
export class InvalidQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidQueryError';
  }
}
