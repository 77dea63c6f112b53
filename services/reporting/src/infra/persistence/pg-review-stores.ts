import { prepared, type TxContext } from '@smarketing/messaging';
import {
  ActionItemStore,
  TargetStore,
  type StoredActionItem,
  type Target,
} from '../../app/ports/review-store.port';
import { RebuildStore } from '../../app/ports/rebuild-store.port';
import type { RebuildStatus } from '../../app/views';
import type { MetricOwner } from '../../domain/metrics-catalog';

const TARGETS_SAVE = prepared(
  'reporting.targets.save',
  `INSERT INTO reporting_targets (period, metric_id, target, owner)
   SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::text[])
   ON CONFLICT (period, metric_id) DO UPDATE SET target = EXCLUDED.target, owner = EXCLUDED.owner`,
);
const TARGETS_FOR = prepared(
  'reporting.targets.for',
  `SELECT period, metric_id, target, owner FROM reporting_targets WHERE period = ANY($1::text[])`,
);
const ITEM_INSERT = prepared(
  'reporting.items.insert',
  `INSERT INTO reporting_action_items (id, week, owner, text, due, done, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
);
const ITEM_COLUMNS = `id, week, owner, text, due, done, (extract(epoch FROM created_at) * 1000)::float8 AS created_at`;
const ITEM_DONE = prepared(
  'reporting.items.done',
  `UPDATE reporting_action_items SET done = $2 WHERE id = $1 RETURNING ${ITEM_COLUMNS}`,
);
const ITEMS_OF_WEEK = prepared(
  'reporting.items.week',
  `SELECT ${ITEM_COLUMNS} FROM reporting_action_items WHERE week = $1 ORDER BY created_at, id`,
);
const REBUILD = prepared(
  'reporting.rebuild.status',
  `SELECT state, started_at, finished_at, topics, error FROM reporting_rebuild WHERE id = 1`,
);

type ItemRow = {
  id: string;
  week: string;
  owner: MetricOwner;
  text: string;
  due: string | null;
  done: boolean;
  created_at: number;
};
const toItem = (r: ItemRow): StoredActionItem => ({
  id: r.id,
  week: r.week,
  owner: r.owner,
  text: r.text,
  due: r.due,
  done: r.done,
  createdAt: r.created_at,
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PgTargetStore extends TargetStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async replace(targets: readonly Target[]): Promise<void> {
    const last = new Map(targets.map((t) => [`${t.period}|${t.metricId}`, t]));
    const rows = [...last.values()];
    if (!rows.length) return;
    await this.sql.query(TARGETS_SAVE, [
      rows.map((t) => t.period),
      rows.map((t) => t.metricId),
      rows.map((t) => t.target),
      rows.map((t) => t.owner),
    ]);
  }

  async forPeriods(periods: readonly string[]): Promise<Target[]> {
    const rows = await this.sql.query<{
      period: string;
      metric_id: string;
      target: number | null;
      owner: MetricOwner;
    }>(TARGETS_FOR, [[...periods]]);
    return rows.map((r) => ({ period: r.period, metricId: r.metric_id, target: r.target, owner: r.owner }));
  }
}

export class PgActionItemStore extends ActionItemStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async insert(i: StoredActionItem): Promise<void> {
    await this.sql.query(ITEM_INSERT, [
      i.id,
      i.week,
      i.owner,
      i.text,
      i.due,
      i.done,
      new Date(i.createdAt).toISOString(),
    ]);
  }

  async setDone(id: string, done: boolean): Promise<StoredActionItem | undefined> {
    // Not a uuid: no such item (rather than a cast error from PostgreSQL).
    if (!UUID.test(id)) return undefined;
    const [row] = await this.sql.query<ItemRow>(ITEM_DONE, [id, done]);
    return row && toItem(row);
  }

  async ofWeek(week: string): Promise<StoredActionItem[]> {
    return (await this.sql.query<ItemRow>(ITEMS_OF_WEEK, [week])).map(toItem);
  }
}

export class PgRebuildStore extends RebuildStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async status(): Promise<RebuildStatus> {
    const [r] = await this.sql.query<{
      state: RebuildStatus['state'];
      started_at: Date | null;
      finished_at: Date | null;
      topics: RebuildStatus['topics'];
      error: string | null;
    }>(REBUILD);
    if (!r) return { state: 'idle', startedAt: null, finishedAt: null, topics: [], error: null };
    return {
      state: r.state,
      startedAt: r.started_at?.toISOString() ?? null,
      finishedAt: r.finished_at?.toISOString() ?? null,
      topics: r.topics,
      error: r.error,
    };
  }
}
