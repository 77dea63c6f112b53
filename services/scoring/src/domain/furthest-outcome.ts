import type { LeadOutcome } from './compare-models';

/** Furthest first: a lead that was accepted and later rejected still counts as accepted in conversion rates. */
const RANK: Record<LeadOutcome, number> = { rejected: 1, accepted: 2, sql: 3, lost: 4, won: 5 };

export const furthestOutcome = (a: LeadOutcome | null, b: LeadOutcome | null): LeadOutcome | null => {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[b] > RANK[a] ? b : a;
};
