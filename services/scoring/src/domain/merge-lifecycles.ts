import type { LifecycleStage, LifecycleState } from './lifecycle-state';

/** How far a lead got; the exits rank just above a plain lead (they carry sales' decision). */
const RANK: Record<LifecycleStage, number> = {
  lead: 0,
  recycled: 1,
  disqualified: 1,
  mql: 2,
  sal: 3,
  sql: 4,
  opportunity: 5,
  customer: 6,
};

/**
 * The survivor of a merge keeps its own lifecycle unless a merged lead got further; open
 * opportunities are united and the MQL cycle is the highest of both.
 */
export const mergeLifecycles = (survivor: LifecycleState, merged: LifecycleState): LifecycleState => {
  const base = RANK[merged.stage] > RANK[survivor.stage] ? merged : survivor;
  return {
    ...base,
    mqlCycle: Math.max(survivor.mqlCycle, merged.mqlCycle),
    openOpportunityIds: [...new Set([...survivor.openOpportunityIds, ...merged.openOpportunityIds])].sort(),
  };
};
