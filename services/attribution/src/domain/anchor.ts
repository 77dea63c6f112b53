import type { Journey } from './journey';

/** A position in a journey that a model gives a fixed share to. */
export type AnchorKind = 'first' | 'lead_creation' | 'opportunity_creation' | 'closed_won' | 'last';

export const ANCHOR_KINDS: readonly AnchorKind[] = [
  'first',
  'lead_creation',
  'opportunity_creation',
  'closed_won',
  'last',
];

/** Index of the last touch at or before `at`: the touch that "caused" a milestone. */
const lastTouchUpTo = (journey: Journey, at: number | null): number | undefined => {
  if (at === null) return undefined;
  let found: number | undefined;
  journey.touches.forEach((t, i) => {
    if (t.at <= at) found = i;
  });
  return found;
};

/**
 * The touch an anchor falls on, or undefined when the journey has none for it. A milestone's touch
 * is the last touch at or before the milestone (Marketo Measure's lead-creation touch): a lead
 * created before any tracked touch has no lead-creation touch, and the anchor's share goes to the
 * anchors that do exist (see `ruleWeights`).
 */
export const resolveAnchor = (anchor: AnchorKind, journey: Journey): number | undefined => {
  const n = journey.touches.length;
  if (n === 0) return undefined;
  switch (anchor) {
    case 'first':
      return 0;
    case 'last':
      return n - 1;
    case 'lead_creation':
      return lastTouchUpTo(journey, journey.milestones.leadCreatedAt);
    case 'opportunity_creation':
      return lastTouchUpTo(journey, journey.milestones.opportunityCreatedAt);
    case 'closed_won':
      return lastTouchUpTo(journey, journey.milestones.wonAt);
    default: {
      const never: never = anchor;
      throw new Error(`unknown anchor ${String(never)}`);
    }
  }
};

/** When the milestone behind an anchor happened (first and last: the touch itself). */
export const anchorTime = (anchor: AnchorKind, journey: Journey): number | null => {
  switch (anchor) {
    case 'first':
      return journey.touches[0]?.at ?? null;
    case 'last':
      return journey.touches[journey.touches.length - 1]?.at ?? null;
    case 'lead_creation':
      return journey.milestones.leadCreatedAt;
    case 'opportunity_creation':
      return journey.milestones.opportunityCreatedAt;
    case 'closed_won':
      return journey.milestones.wonAt;
    default: {
      const never: never = anchor;
      throw new Error(`unknown anchor ${String(never)}`);
    }
  }
};
