import {
  isAbsence,
  skipReasonFor,
  type Candidate,
  type EligibilityContext,
  type SkipReason,
} from './eligibility';
import { periodKeyOf } from './period-keys';
import { memberStateOf, type PoolState } from './pool-state';
import type { Pool, PoolMember } from './routing-rules';
import type { SalesOrg } from './sales-org';

/** The pool's choice for one lead, and every rep it considered on the way (in order). */
export type PoolPick = {
  readonly repId: string | undefined;
  readonly candidates: readonly Candidate[];
  /** The pool's turn the lead took (1 for its first lead ever), undefined when nobody was eligible. */
  readonly position: number | undefined;
  /** The rep got a turn they missed while away (comeback policy catch_up / catch_up_capped). */
  readonly catchUp: boolean;
};

/** A member's weight: the pool's, else the rep's default, else 1. */
export const weightOf = (org: SalesOrg, member: PoolMember): number =>
  member.weight ?? org.reps.get(member.repId)?.weight ?? 1;

const weightsCache = new WeakMap<Pool, { org: SalesOrg; weights: number[]; max: number }>();

/** The members' weights and the largest, once per pool document and org snapshot (a pick must not cost O(members)). */
const weightsOf = (pool: Pool, org: SalesOrg): { weights: number[]; max: number } => {
  const cached = weightsCache.get(pool);
  if (cached !== undefined && cached.org === org) return cached;
  const weights = pool.members.map((m) => weightOf(org, m));
  const entry = { org, weights, max: weights.reduce((a, b) => Math.max(a, b), 1) };
  weightsCache.set(pool, entry);
  return entry;
};

class Scan {
  readonly candidates: Candidate[] = [];
  private readonly seen = new Set<string>();
  /** Reps passed over for an absence: they missed a turn if somebody else takes this lead. */
  readonly missed = new Set<string>();

  constructor(private readonly ctx: EligibilityContext) {}

  /** `turn`: the rep's own turn in the rotation (missing it counts); false for a catch-up look. */
  check(repId: string, turn = true): SkipReason | undefined {
    const reason = skipReasonFor(this.ctx, repId);
    if (reason !== undefined) {
      if (!this.seen.has(repId)) {
        this.seen.add(repId);
        this.candidates.push({ repId, verdict: reason });
      }
      if (turn && isAbsence(reason)) this.missed.add(repId);
    }
    return reason;
  }

  assigned(repId: string): void {
    this.candidates.push({ repId, verdict: 'assigned' });
  }
}

/**
 * Chooses the rep of a pool for one lead at event time and, when one is chosen, advances the
 * pool's state (turn, cursor, counts, catch-up debts). Nothing changes when nobody is eligible, so a
 * held lead leaves no trace in the rotation. Deterministic: the same state, org and time give the same rep.
 */
export function pickFromPool(pool: Pool, state: PoolState, ctx: EligibilityContext): PoolPick {
  const scan = new Scan(ctx);
  const picked =
    pool.strategy === 'round_robin'
      ? pickRoundRobin(pool, state, ctx.org, scan)
      : pickByCount(pool, state, ctx, scan);
  if (picked === undefined)
    return { repId: undefined, candidates: scan.candidates, position: undefined, catchUp: false };
  scan.assigned(picked.repId);
  state.turn += 1;
  const chosen = memberStateOf(state, picked.repId);
  chosen.assigned += 1;
  chosen.away = false;
  for (const repId of scan.missed) {
    if (repId === picked.repId) continue;
    const m = memberStateOf(state, repId);
    m.away = true;
    if (pool.strategy === 'round_robin') m.owed = owedAfterMiss(pool, m.owed);
  }
  return { repId: picked.repId, candidates: scan.candidates, position: state.turn, catchUp: picked.catchUp };
}

const owedAfterMiss = (pool: Pool, owed: number): number => {
  switch (pool.comeback.policy) {
    case 'none':
      return 0;
    case 'catch_up':
      return owed + 1;
    case 'catch_up_capped':
      return Math.min(owed + 1, pool.comeback.max);
    default: {
      const never: never = pool.comeback;
      return never;
    }
  }
};

/**
 * Order-based round robin: a cycle is `max weight` passes over the members in order, a member
 * taking a slot in each pass below its weight (2:1:1 gives A B C A). The cursor is the slot served
 * last; the next lead goes to the first eligible rep after it. Reps owed turns (catch-up) go first.
 */
function pickRoundRobin(
  pool: Pool,
  state: PoolState,
  org: SalesOrg,
  scan: Scan,
): { repId: string; catchUp: boolean } | undefined {
  const members = pool.members;
  const n = members.length;
  if (n === 0) return undefined;
  if (pool.comeback.policy !== 'none') {
    for (const member of members) {
      const m = state.members.get(member.repId);
      if (m === undefined || m.owed <= 0) continue;
      if (scan.check(member.repId, false) === undefined) {
        m.owed -= 1;
        return { repId: member.repId, catchUp: true };
      }
    }
  }
  const { weights, max: maxWeight } = weightsOf(pool, org);
  let index = state.cursorIndex;
  // Members reordered or removed since the last turn: continue after the rep served last, wherever they are now.
  if (state.cursorRepId !== null && members[index]?.repId !== state.cursorRepId) {
    const moved = members.findIndex((m) => m.repId === state.cursorRepId);
    index = moved >= 0 ? moved : Math.min(index, n - 1);
  }
  let pass = state.cursorPass < maxWeight ? state.cursorPass : 0;
  for (let step = 0; step < n * maxWeight; step++) {
    index += 1;
    if (index >= n) {
      index = 0;
      pass = pass + 1 >= maxWeight ? 0 : pass + 1;
    }
    const member = members[index] as PoolMember;
    if ((weights[index] ?? 1) <= pass) continue;
    if (scan.check(member.repId) !== undefined) continue;
    state.cursorPass = pass;
    state.cursorIndex = index;
    state.cursorRepId = member.repId;
    return { repId: member.repId, catchUp: false };
  }
  return undefined;
}

/**
 * Count based: the member with the lowest count in the period (relative to weight) goes next, ties
 * in member order. A rep coming back from an absence has their count set by the comeback policy
 * first: none lifts it to the lowest of the others (no flood), catch_up keeps it (they get leads
 * until even), catch_up_capped lifts it to at most `max` below the lowest.
 */
function pickByCount(
  pool: Pool,
  state: PoolState,
  ctx: EligibilityContext,
  scan: Scan,
): { repId: string; catchUp: boolean } | undefined {
  const key = periodKeyOf(ctx.at, pool.timeZone, pool.countPeriod);
  const members = pool.members;
  const { weights } = weightsOf(pool, ctx.org);
  const countOf = (repId: string): number => {
    const m = state.members.get(repId);
    return m !== undefined && m.periodKey === key ? m.periodCount : 0;
  };
  const rejected = new Set<number>();
  for (let round = 0; round <= members.length * 2; round++) {
    let best = -1;
    let bestScore = Infinity;
    for (let i = 0; i < members.length; i++) {
      if (rejected.has(i)) continue;
      const score = countOf((members[i] as PoolMember).repId) / (weights[i] ?? 1);
      if (score < bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) return undefined;
    const repId = (members[best] as PoolMember).repId;
    if (scan.check(repId) !== undefined) {
      rejected.add(best);
      continue;
    }
    const m = memberStateOf(state, repId);
    const count = countOf(repId);
    if (m.away && pool.comeback.policy !== 'catch_up') {
      m.away = false;
      let lowestOthers = Infinity;
      for (let i = 0; i < members.length; i++) {
        if (i === best) continue;
        const other = (members[i] as PoolMember).repId;
        if (ctx.org.reps.get(other)?.active !== true) continue;
        lowestOthers = Math.min(lowestOthers, countOf(other) / (weights[i] ?? 1));
      }
      if (lowestOthers !== Infinity) {
        const floor = Math.floor(lowestOthers * (weights[best] ?? 1));
        const target = pool.comeback.policy === 'none' ? floor : floor - pool.comeback.max;
        if (target > count) {
          m.periodKey = key;
          m.periodCount = target;
          continue; // with the lifted count someone else may be lower now
        }
      }
    }
    const catchUp = m.away && pool.comeback.policy === 'catch_up';
    m.periodKey = key;
    m.periodCount = count + 1;
    return { repId, catchUp };
  }
  return undefined;
}
