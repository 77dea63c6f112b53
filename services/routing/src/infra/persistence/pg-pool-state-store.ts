import { prepared, type TxContext } from '@smarketing/messaging';
import {
  PoolStateStore,
  type MemberChange,
  type PoolView,
  type RepDayStats,
} from '../../app/ports/pool-state-store.port';
import { newPoolState, type MemberState, type PoolState, type RepLoad } from '../../domain';

type PoolRow = {
  pool_id: string;
  turn: string;
  cursor_pass: number;
  cursor_index: number;
  cursor_rep_id: string | null;
};
type MemberRow = {
  pool_id: string;
  rep_id: string;
  period_key: string;
  period_count: number;
  owed: number;
  away: boolean;
  assigned: string;
};
type LoadRow = { rep_id: string; day_key: string; day_count: number; week_key: string; week_count: number };

const ENSURE = prepared(
  'routing.pools.ensure',
  `INSERT INTO routing_pools (pool_id, turn, cursor_pass, cursor_index, cursor_rep_id)
   SELECT unnest($1::text[]), 0, 0, -1, NULL ON CONFLICT (pool_id) DO NOTHING`,
);
const LOCK = prepared(
  'routing.pools.lock',
  `SELECT pool_id, turn, cursor_pass, cursor_index, cursor_rep_id FROM routing_pools
   WHERE pool_id = ANY($1::text[]) ORDER BY pool_id FOR UPDATE`,
);
// Count-based pools ($2) need every member's count; a round robin only its members owed a turn or away.
const MEMBERS = prepared(
  'routing.pools.members',
  `SELECT pool_id, rep_id, period_key, period_count, owed, away, assigned FROM routing_pool_members
   WHERE pool_id = ANY($1::text[]) AND (pool_id = ANY($2::text[]) OR owed > 0 OR away)`,
);
const SAVE_POOLS = prepared(
  'routing.pools.save',
  `UPDATE routing_pools p SET turn = t.turn, cursor_pass = t.pass, cursor_index = t.idx, cursor_rep_id = t.rep
   FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::text[]) AS t(id, turn, pass, idx, rep)
   WHERE p.pool_id = t.id`,
);
const SAVE_MEMBERS = prepared(
  'routing.pools.save-members',
  `INSERT INTO routing_pool_members (pool_id, rep_id, period_key, period_count, owed, away, assigned)
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::boolean[], $7::bigint[])
   ON CONFLICT (pool_id, rep_id) DO UPDATE SET period_key = EXCLUDED.period_key, period_count = EXCLUDED.period_count,
     owed = EXCLUDED.owed, away = EXCLUDED.away, assigned = routing_pool_members.assigned + EXCLUDED.assigned`,
);
const ENSURE_LOADS = prepared(
  'routing.loads.ensure',
  `INSERT INTO routing_rep_loads (rep_id, day_key, day_count, week_key, week_count)
   SELECT unnest($1::text[]), '', 0, '', 0 ON CONFLICT (rep_id) DO NOTHING`,
);
// Locked: a rep's caps count assignments from every pool, and two pools are two different claims.
const LOADS = prepared(
  'routing.loads.lock',
  `SELECT rep_id, day_key, day_count, week_key, week_count FROM routing_rep_loads
   WHERE rep_id = ANY($1::text[]) ORDER BY rep_id FOR UPDATE`,
);
const SAVE_LOADS = prepared(
  'routing.loads.save',
  `INSERT INTO routing_rep_loads (rep_id, day_key, day_count, week_key, week_count)
   SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[])
   ON CONFLICT (rep_id) DO UPDATE SET day_key = EXCLUDED.day_key, day_count = EXCLUDED.day_count,
     week_key = EXCLUDED.week_key, week_count = EXCLUDED.week_count`,
);
const ADD_DAYS = prepared(
  'routing.rep-days.add',
  `INSERT INTO routing_rep_days (rep_id, day, assigned, capped, skipped)
   SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[])
   ON CONFLICT (rep_id, day) DO UPDATE SET assigned = routing_rep_days.assigned + EXCLUDED.assigned,
     capped = routing_rep_days.capped + EXCLUDED.capped, skipped = routing_rep_days.skipped + EXCLUDED.skipped`,
);

const toMember = (r: MemberRow): MemberState => ({
  periodKey: r.period_key,
  periodCount: r.period_count,
  owed: r.owed,
  away: r.away,
  assigned: Number(r.assigned),
});

/**
 * Pool state in PostgreSQL. `claim` row-locks the pools (FOR UPDATE, in id order): the
 * transaction that holds a pool's row is the only one, on any replica, deciding its next turns
 * until it commits, and it decides on the state the previous one committed.
 */
export class PgPoolStateStore extends PoolStateStore {
  constructor(private readonly sql: Pick<TxContext, 'query'>) {
    super();
  }

  async claim(poolIds: readonly string[], byCount: ReadonlySet<string>): Promise<Map<string, PoolState>> {
    const claimed = new Map<string, PoolState>();
    if (!poolIds.length) return claimed;
    await this.sql.query(ENSURE, [poolIds]);
    for (const r of await this.sql.query<PoolRow>(LOCK, [poolIds]))
      claimed.set(r.pool_id, {
        ...newPoolState(r.pool_id),
        turn: Number(r.turn),
        cursorPass: r.cursor_pass,
        cursorIndex: r.cursor_index,
        cursorRepId: r.cursor_rep_id,
      });
    const counted = poolIds.filter((id) => byCount.has(id));
    for (const m of await this.sql.query<MemberRow>(MEMBERS, [poolIds, counted]))
      claimed.get(m.pool_id)?.members.set(m.rep_id, toMember(m));
    return claimed;
  }

  async save(pools: readonly PoolState[], members: readonly MemberChange[]): Promise<void> {
    if (pools.length)
      await this.sql.query(SAVE_POOLS, [
        pools.map((p) => p.poolId),
        pools.map((p) => p.turn),
        pools.map((p) => p.cursorPass),
        pools.map((p) => p.cursorIndex),
        pools.map((p) => p.cursorRepId),
      ]);
    if (members.length)
      await this.sql.query(SAVE_MEMBERS, [
        members.map((m) => m.poolId),
        members.map((m) => m.repId),
        members.map((m) => m.state.periodKey),
        members.map((m) => m.state.periodCount),
        members.map((m) => m.state.owed),
        members.map((m) => m.state.away),
        members.map((m) => m.assignedDelta),
      ]);
  }

  async loads(repIds: readonly string[]): Promise<Map<string, RepLoad>> {
    if (!repIds.length) return new Map();
    await this.sql.query(ENSURE_LOADS, [repIds]);
    const rows = await this.sql.query<LoadRow>(LOADS, [repIds]);
    return new Map(
      rows.map((r) => [
        r.rep_id,
        { dayKey: r.day_key, dayCount: r.day_count, weekKey: r.week_key, weekCount: r.week_count },
      ]),
    );
  }

  async saveLoads(loads: ReadonlyMap<string, RepLoad>): Promise<void> {
    if (!loads.size) return;
    const entries = [...loads.entries()].sort(([a], [b]) => a.localeCompare(b));
    await this.sql.query(SAVE_LOADS, [
      entries.map(([id]) => id),
      entries.map(([, l]) => l.dayKey),
      entries.map(([, l]) => l.dayCount),
      entries.map(([, l]) => l.weekKey),
      entries.map(([, l]) => l.weekCount),
    ]);
  }

  async addDayStats(stats: readonly RepDayStats[]): Promise<void> {
    if (!stats.length) return;
    const sorted = [...stats].sort((a, b) => a.repId.localeCompare(b.repId) || a.day.localeCompare(b.day));
    await this.sql.query(ADD_DAYS, [
      sorted.map((s) => s.repId),
      sorted.map((s) => s.day),
      sorted.map((s) => s.assigned),
      sorted.map((s) => s.capped),
      sorted.map((s) => s.skipped),
    ]);
  }

  async view(poolId: string): Promise<PoolView | undefined> {
    const [pool] = await this.sql.query<PoolRow>(
      `SELECT pool_id, turn, cursor_pass, cursor_index, cursor_rep_id FROM routing_pools WHERE pool_id = $1`,
      [poolId],
    );
    if (pool === undefined) return undefined;
    const members = await this.sql.query<MemberRow>(
      `SELECT pool_id, rep_id, period_key, period_count, owed, away, assigned FROM routing_pool_members WHERE pool_id = $1 ORDER BY rep_id`,
      [poolId],
    );
    const [held] = await this.sql.query<{ n: string }>(
      `SELECT count(*) AS n FROM routing_held WHERE pool_id = $1`,
      [poolId],
    );
    return {
      poolId,
      turn: Number(pool.turn),
      cursorRepId: pool.cursor_rep_id,
      members: members.map((m) => ({ repId: m.rep_id, ...toMember(m) })),
      held: Number(held?.n ?? 0),
    };
  }

  async dayStats(repIds: readonly string[] | null, fromDay: string, toDay: string): Promise<RepDayStats[]> {
    const rows = await this.sql.query<{
      rep_id: string;
      day: string;
      assigned: number;
      capped: number;
      skipped: number;
    }>(
      `SELECT rep_id, to_char(day, 'YYYY-MM-DD') AS day, assigned, capped, skipped FROM routing_rep_days
       WHERE day >= $1::date AND day <= $2::date AND ($3::text[] IS NULL OR rep_id = ANY($3::text[]))
       ORDER BY rep_id, day`,
      [fromDay, toDay, repIds],
    );
    return rows.map((r) => ({
      repId: r.rep_id,
      day: r.day,
      assigned: r.assigned,
      capped: r.capped,
      skipped: r.skipped,
    }));
  }
}
