import { isSalesReadyBand } from './band';
import { DISQUALIFYING_REJECTION_REASONS, type LifecycleCause } from './lifecycle-cause';
import type { LifecycleStage, LifecycleState } from './lifecycle-state';

export type LifecycleTransition = {
  from: LifecycleStage;
  to: LifecycleStage;
  cause: LifecycleCause;
  /** Effective event time: the cause's time, or the current stage's entry for a late forward cause. */
  at: number;
  /** The MQL cycle in force after the transition. */
  mqlCycle: number;
};

export type TransitionResult = {
  state: LifecycleState;
  /** 0 or 1 today: intermediate stages are never invented (see LIFECYCLE.md). */
  transitions: LifecycleTransition[];
  outcome: 'changed' | 'unchanged' | 'ignored_stale';
};

type Move = { to: LifecycleStage; reason?: string; disqualifiedBy?: 'score' | 'sales' };
type Decision = Move | 'stay';

/** Funnel order; recycled and disqualified are exits, not steps. */
const FUNNEL_RANK: Partial<Record<LifecycleStage, number>> = {
  lead: 0,
  mql: 1,
  sal: 2,
  sql: 3,
  opportunity: 4,
  customer: 5,
};

const isForward = (from: LifecycleStage, to: LifecycleStage): boolean => {
  const fromRank = FUNNEL_RANK[from];
  const toRank = FUNNEL_RANK[to];
  return fromRank !== undefined && toRank !== undefined && toRank > fromRank;
};

const decideScore = (
  state: LifecycleState,
  cause: Extract<LifecycleCause, { kind: 'score_changed' }>,
): Decision => {
  const disqualified: Move = {
    to: 'disqualified',
    disqualifiedBy: 'score',
    reason: cause.disqualifiedBy ?? 'disqualified by score',
  };
  switch (state.stage) {
    case 'lead':
      if (cause.band === 'disqualified') return disqualified;
      return isSalesReadyBand(cause.band) ? { to: 'mql' } : 'stay';
    case 'mql':
      // A falling score does not take the lead back from sales: the SLA owns it until a disposition.
      return cause.band === 'disqualified' ? disqualified : 'stay';
    case 'recycled':
      if (cause.band === 'disqualified') return disqualified;
      // Only engagement after the recycle counts, or the old interest sales just declined would bounce it
      // straight back; and some must have happened, or a lead sales declined on fit alone would too.
      return isSalesReadyBand(cause.band) &&
        cause.engagementSince !== undefined &&
        cause.engagementSince >= state.enteredAt &&
        cause.engagedSince === true
        ? { to: 'mql' }
        : 'stay';
    case 'disqualified':
      if (state.disqualifiedBy !== 'score' || cause.band === 'disqualified') return 'stay';
      return isSalesReadyBand(cause.band) ? { to: 'mql' } : { to: 'lead' };
    case 'sal':
    case 'sql':
    case 'opportunity':
    case 'customer':
      return 'stay';
    default: {
      const unreachable: never = state.stage;
      throw new Error(`Unknown stage ${String(unreachable)}`);
    }
  }
};

/** Where a cause leads from the current stage, ignoring time. Every (stage, cause) pair is defined here. */
const decide = (state: LifecycleState, cause: LifecycleCause): Decision => {
  const { stage } = state;
  switch (cause.kind) {
    case 'score_changed':
      return decideScore(state, cause);
    case 'disposition_accepted':
      return stage === 'lead' || stage === 'mql' || stage === 'recycled' || stage === 'disqualified'
        ? { to: 'sal' }
        : 'stay';
    case 'disposition_rejected': {
      const disqualifying = DISQUALIFYING_REJECTION_REASONS.includes(cause.reason);
      const move: Move = disqualifying
        ? { to: 'disqualified', disqualifiedBy: 'sales', reason: `rejected: ${cause.reason}` }
        : { to: 'recycled', reason: `rejected: ${cause.reason}` };
      if (stage === 'lead' || stage === 'mql' || stage === 'sal' || stage === 'sql') return move;
      if (stage === 'recycled' && disqualifying) return move;
      return 'stay';
    }
    case 'disposition_qualified':
      return stage === 'lead' ||
        stage === 'mql' ||
        stage === 'sal' ||
        stage === 'recycled' ||
        stage === 'disqualified'
        ? { to: 'sql' }
        : 'stay';
    case 'disposition_disqualified':
      return stage === 'lead' || stage === 'mql' || stage === 'sal' || stage === 'sql' || stage === 'recycled'
        ? { to: 'disqualified', disqualifiedBy: 'sales', reason: cause.reason }
        : 'stay';
    case 'disposition_recycled':
      return stage === 'lead' ||
        stage === 'mql' ||
        stage === 'sal' ||
        stage === 'sql' ||
        stage === 'disqualified'
        ? { to: 'recycled', reason: cause.reason ?? 'recycled by sales' }
        : 'stay';
    case 'opportunity_created':
      // A customer stays a customer: upsell opportunities are tracked but do not demote it.
      return stage === 'opportunity' || stage === 'customer' ? 'stay' : { to: 'opportunity' };
    case 'opportunity_won':
      return stage === 'customer' ? 'stay' : { to: 'customer' };
    case 'opportunity_lost': {
      const stillOpen = state.openOpportunityIds.some((id) => id !== cause.opportunityId);
      const move: Move = {
        to: 'recycled',
        reason: cause.reason === undefined ? 'opportunity lost' : `opportunity lost: ${cause.reason}`,
      };
      if (stage === 'opportunity') return stillOpen ? 'stay' : move;
      return stage === 'lead' || stage === 'mql' || stage === 'sal' || stage === 'sql' ? move : 'stay';
    }
    default: {
      const unreachable: never = cause;
      throw new Error(`Unknown cause ${JSON.stringify(unreachable)}`);
    }
  }
};

/** Opportunity bookkeeping holds whatever the stage does: a stale or ignored event still opens or closes its opportunity. */
const trackOpportunities = (open: readonly string[], cause: LifecycleCause): string[] => {
  switch (cause.kind) {
    case 'opportunity_created':
      return [...new Set([...open, cause.opportunityId])].sort();
    case 'opportunity_won':
    case 'opportunity_lost':
      return open.filter((id) => id !== cause.opportunityId);
    default:
      return [...open];
  }
};

/** Sales' disqualification is final against scores even when the lead was already disqualified by one. */
const updateInPlace = (state: LifecycleState, cause: LifecycleCause): LifecycleState =>
  state.stage === 'disqualified' && cause.kind === 'disposition_disqualified'
    ? { ...state, disqualifiedBy: 'sales', reason: cause.reason }
    : state;

/**
 * Applies a cause that happened at event time `at` (epoch ms) to a lead's lifecycle state.
 * Total: every (stage, cause) pair has a result. A cause older than the current stage's entry is
 * applied only when it moves the lead forward along lead → mql → sal → sql → opportunity → customer.
 */
export const transition = (current: LifecycleState, cause: LifecycleCause, at: number): TransitionResult => {
  const tracked: LifecycleState = {
    ...current,
    openOpportunityIds: trackOpportunities(current.openOpportunityIds, cause),
  };
  const decision = decide(current, cause);
  const stale = at < current.enteredAt;

  if (decision === 'stay') {
    const state = stale ? tracked : updateInPlace(tracked, cause);
    return { state, transitions: [], outcome: stale ? 'ignored_stale' : 'unchanged' };
  }
  if (stale && !isForward(current.stage, decision.to))
    return { state: tracked, transitions: [], outcome: 'ignored_stale' };

  const effectiveAt = Math.max(at, current.enteredAt);
  const mqlCycle = decision.to === 'mql' ? current.mqlCycle + 1 : current.mqlCycle;
  const state: LifecycleState = {
    stage: decision.to,
    enteredAt: effectiveAt,
    mqlCycle,
    openOpportunityIds: tracked.openOpportunityIds,
    ...(decision.disqualifiedBy === undefined ? {} : { disqualifiedBy: decision.disqualifiedBy }),
    ...(decision.reason === undefined ? {} : { reason: decision.reason }),
  };
  return {
    state,
    transitions: [{ from: current.stage, to: decision.to, cause, at: effectiveAt, mqlCycle }],
    outcome: 'changed',
  };
};
