import { nextAvailableAt, type PublicHolidayLookup } from './availability';
import { capReached, skipReasonFor, zoneOf, type Candidate, type EligibilityContext } from './eligibility';
import { accountOwnerOf, matchRule } from './match-rule';
import { dayAndWeekKeys, nextLocalDayStart, nextLocalWeekStart } from './period-keys';
import { pickFromPool } from './pick-from-pool';
import type { PoolState, RepLoad } from './pool-state';
import type { LeadFacts, NobodyEligible, Pool, RoutingRule, RoutingRules } from './routing-rules';
import type { SalesOrg } from './sales-org';

/** The state a decision reads and advances: pool states (claimed by the caller) and rep loads. */
export type RoutingState = {
  pool(poolId: string): PoolState;
  load(repId: string): RepLoad | undefined;
  setLoad(repId: string, load: RepLoad): void;
};

export type RouteRequest = {
  readonly leadId: string;
  readonly facts: LeadFacts;
  /** Event time of the cause: availability, caps and periods are read at this moment. */
  readonly at: number;
  /** initial: the lead became sales-ready; reassignment/escalation: its SLA was breached. */
  readonly kind: 'initial' | 'reassignment' | 'escalation';
  /** Reps who held the lead in this cycle: never chosen again in it. */
  readonly heldBefore: readonly string[];
  readonly currentRepId: string | null;
  /** The pool the lead was assigned from (reassignments go to the next rep of the same pool). */
  readonly poolId: string | null;
};

export type DecisionBase = {
  readonly ruleId: string | null;
  readonly poolId: string | null;
  readonly candidates: readonly Candidate[];
  readonly reason: string;
};

export type Decision =
  | (DecisionBase & {
      readonly outcome: 'assigned';
      readonly kind: 'initial' | 'reassignment' | 'escalation';
      readonly repId: string;
      readonly teamId: string | null;
      readonly via: 'account_owner' | 'pool' | 'manager';
      readonly position: number | null;
      readonly catchUp: boolean;
    })
  | (DecisionBase & { readonly outcome: 'queued'; readonly queueId: string })
  | (DecisionBase & { readonly outcome: 'held'; readonly dueAt: number | null })
  | (DecisionBase & { readonly outcome: 'kept' });

export type RoutingInputs = {
  readonly rules: RoutingRules;
  readonly org: SalesOrg;
  readonly state: RoutingState;
  readonly publicHoliday: PublicHolidayLookup;
};

const describeSkips = (candidates: readonly Candidate[]): string => {
  const skipped = candidates.filter((c) => c.verdict !== 'assigned');
  return skipped.length ? `; skipped ${skipped.map((c) => `${c.repId} (${c.verdict})`).join(', ')}` : '';
};

/** Counts an assignment against the rep's caps (their own local day and ISO week). */
export const addToLoad = (inputs: RoutingInputs, repId: string, at: number): void => {
  const rep = inputs.org.reps.get(repId);
  const keys = dayAndWeekKeys(at, rep ? zoneOf(inputs.org, rep) : 'UTC');
  const load = inputs.state.load(repId);
  inputs.state.setLoad(repId, {
    dayKey: keys.day,
    dayCount: load?.dayKey === keys.day ? load.dayCount + 1 : 1,
    weekKey: keys.week,
    weekCount: load?.weekKey === keys.week ? load.weekCount + 1 : 1,
  });
};

/**
 * When a held lead's timer fires: the earliest moment a member of the pool who has not held the
 * lead becomes available and is under their caps (a capped rep counts from the local day or week
 * their cap resets). Null when nobody ever will (everyone inactive or without hours): the lead
 * stays held, visible, until the org changes.
 */
export function nextEligibleAt(
  pool: Pool,
  inputs: RoutingInputs,
  at: number,
  heldBefore: ReadonlySet<string>,
) {
  let best: number | null = null;
  for (const member of pool.members) {
    if (heldBefore.has(member.repId)) continue;
    const rep = inputs.org.reps.get(member.repId);
    if (rep === undefined || !rep.active) continue;
    let from = at;
    const load = inputs.state.load(rep.id);
    if (capReached(inputs.org, rep, load, at)) {
      const zone = zoneOf(inputs.org, rep);
      const dayFull = rep.caps.daily !== undefined && load !== undefined && load.dayCount >= rep.caps.daily;
      from = dayFull && load?.dayKey === dayAndWeekKeys(at, zone).day ? nextLocalDayStart(at, zone) : at;
      if (capReached(inputs.org, rep, load, from)) from = nextLocalWeekStart(at, zone);
    }
    const next = nextAvailableAt(inputs.org, rep, from, inputs.publicHoliday);
    if (next !== undefined && (best === null || next < best)) best = next;
  }
  return best === null ? null : Math.max(best, at + 1);
}

function escalateToManager(
  inputs: RoutingInputs,
  req: RouteRequest,
  teamId: string | null,
  base: Omit<DecisionBase, 'reason'>,
  why: string,
): Decision | undefined {
  const team = teamId !== null ? inputs.org.teams.get(teamId) : undefined;
  const managerId = team?.managerId;
  if (managerId === undefined || managerId === req.currentRepId || req.heldBefore.includes(managerId))
    return undefined;
  addToLoad(inputs, managerId, req.at);
  return {
    ...base,
    outcome: 'assigned',
    kind: 'escalation',
    repId: managerId,
    teamId: team?.id ?? null,
    via: 'manager',
    position: null,
    catchUp: false,
    reason: `${why}: escalated to ${managerId}, manager of team ${team?.id}${describeSkips(base.candidates)}`,
  };
}

/**
 * Routes one lead: the first matching rule names a pool; a lead of a named account goes to its
 * owner first when the owner is available (caps do not apply to owners: the account is theirs),
 * else to the pool; nobody eligible in the pool means the rule's fallback (hold, escalate, queue).
 * A reassignment goes to the next eligible rep of the lead's pool, never back to a rep who held it
 * this cycle; with nobody left it escalates, and failing that the lead stays where it is.
 * Advances the pool and load state it uses (the caller persists them in the same transaction).
 */
export function routeLead(inputs: RoutingInputs, req: RouteRequest): Decision {
  const { rules, org } = inputs;
  const heldBefore = new Set(req.heldBefore);
  if (req.currentRepId !== null) heldBefore.add(req.currentRepId);
  const ctx: EligibilityContext = {
    org,
    at: req.at,
    publicHoliday: inputs.publicHoliday,
    heldBefore,
    loadOf: (repId) => inputs.state.load(repId),
  };
  const samePool =
    req.kind !== 'initial' && req.poolId !== null ? rules.pools.find((p) => p.id === req.poolId) : undefined;
  const rule: RoutingRule | undefined =
    samePool !== undefined
      ? rules.rules.find((r) => r.pool === samePool.id)
      : matchRule(rules, org, req.facts);
  const ruleId = rule?.id ?? null;
  const pool = samePool ?? (rule !== undefined ? rules.pools.find((p) => p.id === rule.pool) : undefined);
  const ruleText =
    rule !== undefined
      ? `rule ${rule.id} (rules v${rules.version})`
      : `no rule matched (rules v${rules.version})`;

  if (req.kind === 'escalation') {
    const teamOfCurrent = req.currentRepId !== null ? (org.reps.get(req.currentRepId)?.teamId ?? null) : null;
    const base = { ruleId, poolId: pool?.id ?? null, candidates: [] };
    return (
      escalateToManager(
        inputs,
        req,
        teamOfCurrent ?? pool?.teamId ?? null,
        base,
        `${ruleText}: SLA breached`,
      ) ?? {
        ...base,
        outcome: 'kept',
        reason: `${ruleText}: SLA breached, no manager to escalate to: stays with ${req.currentRepId}`,
      }
    );
  }

  // A reassignment needs only the lead's pool (a rule may no longer name it); a new lead needs a rule.
  if (pool === undefined || (req.kind === 'initial' && rule === undefined)) {
    if (req.kind !== 'initial')
      return {
        ruleId,
        poolId: null,
        candidates: [],
        outcome: 'kept',
        reason: `${ruleText}: no pool to reassign from`,
      };
    return {
      ruleId,
      poolId: null,
      candidates: [],
      outcome: 'queued',
      queueId: rules.defaultQueue,
      reason: `${ruleText}: sent to the default queue ${rules.defaultQueue}`,
    };
  }

  const candidates: Candidate[] = [];
  if (req.kind === 'initial' && rule?.accountOwnerFirst === true) {
    const owner = accountOwnerOf(org, req.facts);
    if (owner !== undefined) {
      const skip = skipReasonFor(ctx, owner.repId, { ignoreCaps: true });
      if (skip === undefined) {
        addToLoad(inputs, owner.repId, req.at);
        return {
          outcome: 'assigned',
          kind: 'initial',
          repId: owner.repId,
          teamId: org.reps.get(owner.repId)?.teamId ?? null,
          via: 'account_owner',
          ruleId,
          poolId: pool.id,
          position: null,
          catchUp: false,
          candidates: [{ repId: owner.repId, verdict: 'assigned' }],
          reason: `${ruleText}: account ${owner.accountKey} is owned by ${owner.repId}`,
        };
      }
      candidates.push({ repId: owner.repId, verdict: skip });
    }
  }

  const pick = pickFromPool(pool, inputs.state.pool(pool.id), ctx);
  candidates.push(...pick.candidates);
  const base = { ruleId, poolId: pool.id, candidates };
  if (pick.repId !== undefined) {
    addToLoad(inputs, pick.repId, req.at);
    const ownerNote = candidates.length > pick.candidates.length ? ' (account owner unavailable)' : '';
    return {
      ...base,
      outcome: 'assigned',
      kind: req.kind,
      repId: pick.repId,
      teamId: org.reps.get(pick.repId)?.teamId ?? pool.teamId,
      via: 'pool',
      position: pick.position ?? null,
      catchUp: pick.catchUp,
      reason:
        `${ruleText}: pool ${pool.id} (${pool.strategy}) turn ${pick.position}${pick.catchUp ? ', a catch-up turn' : ''}` +
        `${ownerNote}${describeSkips(candidates)}`,
    };
  }

  const nobody = `${ruleText}: nobody eligible in pool ${pool.id}`;
  if (req.kind !== 'initial')
    return (
      escalateToManager(inputs, req, pool.teamId, base, nobody) ?? {
        ...base,
        outcome: 'kept',
        reason: `${nobody} and no manager to escalate to: stays with ${req.currentRepId}${describeSkips(candidates)}`,
      }
    );
  // An initial routing always has its rule here (no rule: the default queue above).
  const fallback: NobodyEligible = rule?.whenNobodyEligible ?? { action: 'hold' };
  switch (fallback.action) {
    case 'queue':
      return {
        ...base,
        outcome: 'queued',
        queueId: fallback.queue,
        reason: `${nobody}: sent to queue ${fallback.queue}${describeSkips(candidates)}`,
      };
    case 'escalate': {
      const escalated = escalateToManager(inputs, req, pool.teamId, base, nobody);
      if (escalated !== undefined) return escalated;
      return {
        ...base,
        outcome: 'queued',
        queueId: rules.defaultQueue,
        reason: `${nobody}, team ${pool.teamId} has no manager: sent to the default queue ${rules.defaultQueue}${describeSkips(candidates)}`,
      };
    }
    case 'hold': {
      const dueAt = nextEligibleAt(pool, inputs, req.at, heldBefore);
      return {
        ...base,
        outcome: 'held',
        dueAt,
        reason: `${nobody}: held in the pool's queue until ${dueAt === null ? 'the org changes' : new Date(dueAt).toISOString()}${describeSkips(candidates)}`,
      };
    }
    default: {
      const never: never = fallback;
      return never;
    }
  }
}
