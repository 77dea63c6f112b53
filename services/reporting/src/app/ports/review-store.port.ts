import type { MetricOwner } from '../../domain/metrics-catalog';

export type Target = {
  readonly period: string;
  readonly metricId: string;
  readonly target: number | null;
  readonly owner: MetricOwner;
};

export type StoredActionItem = {
  readonly id: string;
  readonly week: string;
  readonly owner: MetricOwner;
  readonly text: string;
  readonly due: string | null;
  readonly done: boolean;
  readonly createdAt: number;
};

/** reporting_targets: target and owner per period and metric. */
export abstract class TargetStore {
  abstract replace(targets: readonly Target[]): Promise<void>;
  abstract forPeriods(periods: readonly string[]): Promise<Target[]>;
}

/** reporting_action_items: the weekly review's action items. */
export abstract class ActionItemStore {
  abstract insert(item: StoredActionItem): Promise<void>;
  abstract setDone(id: string, done: boolean): Promise<StoredActionItem | undefined>;
  abstract ofWeek(week: string): Promise<StoredActionItem[]>;
}
