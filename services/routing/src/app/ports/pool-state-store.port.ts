import type { MemberState, PoolState, RepLoad } from '../../domain';

/** A member's new state, its `assigned` given as the leads added in this transaction. */
export type MemberChange = {
  readonly poolId: string;
  readonly repId: string;
  readonly state: MemberState;
  readonly assignedDelta: number;
};

/** Per rep and UTC day: leads assigned, times passed over for a cap, for another reason. */
export type RepDayStats = {
  readonly repId: string;
  readonly day: string;
  assigned: number;
  capped: number;
  skipped: number;
};

export type PoolView = {
  readonly poolId: string;
  readonly turn: number;
  readonly cursorRepId: string | null;
  readonly members: readonly ({ repId: string } & MemberState)[];
  readonly held: number;
};

/** routing_pools, routing_pool_members, routing_rep_loads and routing_rep_days, bound to one transaction. */
export abstract class PoolStateStore {
  /**
   * Locks the pools' rows (creating missing ones) in id order and loads their state: the claim
   * that lets one transaction at a time, on any replica, take turns from a pool. Pools in
   * `byCount` (count based) load every member's state; the others only the members owed a
   * catch-up turn or away, which is all a round robin decides on besides its cursor, so a claim
   * costs the same at any pool size. A member not loaded is in its initial state, but for
   * `assigned`, which `save` adds to.
   */
  abstract claim(poolIds: readonly string[], byCount: ReadonlySet<string>): Promise<Map<string, PoolState>>;
  /** Writes the pools' turn and cursor, and the given member states (`assigned` as an increment). */
  abstract save(pools: readonly PoolState[], members: readonly MemberChange[]): Promise<void>;
  /** The reps' loads, locked in id order after the pools (caps count across pools). */
  abstract loads(repIds: readonly string[]): Promise<Map<string, RepLoad>>;
  abstract saveLoads(loads: ReadonlyMap<string, RepLoad>): Promise<void>;
  /** Adds the counts to the reps' days. */
  abstract addDayStats(stats: readonly RepDayStats[]): Promise<void>;
  /** Unlocked reads for the API. */
  abstract view(poolId: string): Promise<PoolView | undefined>;
  abstract dayStats(repIds: readonly string[] | null, fromDay: string, toDay: string): Promise<RepDayStats[]>;
}
