import { LIFECYCLE_STAGE_SYMBOLS, symbolsWithout } from '@smarketing/contracts';

/** The stages of the contract's enum; `unknown` is only its reader-side default. */
export const LIFECYCLE_STAGES = symbolsWithout(LIFECYCLE_STAGE_SYMBOLS, 'unknown');
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** A lead's position in the funnel. See LIFECYCLE.md for the rules. */
export type LifecycleState = {
  stage: LifecycleStage;
  /** Event time (epoch ms) the current stage was entered; older stage-regressing causes are ignored. */
  enteredAt: number;
  /** 0 until the first MQL; +1 every time the lead becomes an MQL again (a new MQL cycle). */
  mqlCycle: number;
  /** Opportunities created and not yet won or lost, sorted. */
  openOpportunityIds: string[];
  /** Who disqualified the lead; only when stage is "disqualified". Sales' decision outlives any score. */
  disqualifiedBy?: 'score' | 'sales';
  /** Why the lead was recycled or disqualified. */
  reason?: string;
};

/** A new lead. `at` is the earliest event time known for it (placeholders included). */
export const initialLifecycleState = (at: number): LifecycleState => ({
  stage: 'lead',
  enteredAt: at,
  mqlCycle: 0,
  openOpportunityIds: [],
});
