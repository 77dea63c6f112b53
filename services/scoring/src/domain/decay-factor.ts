import { DAY_MS } from './duration';

/**
 * Share of a rule's points left after `ageMs`: 0.5^(age / halfLife). No half-life means no decay.
 * A negative age (a touchpoint after the evaluation time) never counts as fresher than "now".
 */
export const decayFactor = (ageMs: number, halfLifeDays: number | undefined): number => {
  if (halfLifeDays === undefined) return 1;
  const ageDays = Math.max(0, ageMs) / DAY_MS;
  return Math.pow(0.5, ageDays / halfLifeDays);
};
