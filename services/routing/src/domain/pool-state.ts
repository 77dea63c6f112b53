/** A member's standing in one pool. Kept across rules versions: editing the rotation never resets it. */
export type MemberState = {
  /** count_based: the period the count belongs to ("" before the first lead), and the count in it. */
  periodKey: string;
  periodCount: number;
  /** round_robin with catch-up: turns missed while away, given back first on return. */
  owed: number;
  /** Skipped for an absence (out of office, holiday) since the rep last took a lead: a comeback is due. */
  away: boolean;
  /** Leads this pool gave the rep, ever. */
  assigned: number;
};

/** The turn order and counts of one pool: claimed (row-locked) by the transaction that assigns from it. */
export type PoolState = {
  readonly poolId: string;
  /** Leads assigned by the pool so far: an assignment's position in the rotation is the turn it took. */
  turn: number;
  /** round_robin: the slot served last (pass through the weights, member index), null before the first. */
  cursorPass: number;
  cursorIndex: number;
  /** The rep at cursorIndex when it was served: the cursor follows them when members are reordered. */
  cursorRepId: string | null;
  readonly members: Map<string, MemberState>;
};

/** A rep's assignments in their current local day and ISO week (caps), from every pool and owner rule. */
export type RepLoad = { dayKey: string; dayCount: number; weekKey: string; weekCount: number };

export const newMemberState = (): MemberState => ({
  periodKey: '',
  periodCount: 0,
  owed: 0,
  away: false,
  assigned: 0,
});

export const newPoolState = (poolId: string): PoolState => ({
  poolId,
  turn: 0,
  cursorPass: 0,
  cursorIndex: -1,
  cursorRepId: null,
  members: new Map(),
});

export const memberStateOf = (state: PoolState, repId: string): MemberState => {
  let m = state.members.get(repId);
  if (m === undefined) {
    m = newMemberState();
    state.members.set(repId, m);
  }
  return m;
};
