import type { LeadOutcome } from './compare-models';

/** What sales did with a lead, as a backtest measures it: accepted (SAL), qualified (SQL), won. */
export const OUTCOME_TARGETS = ['accepted', 'qualified', 'won'] as const;
export type OutcomeTarget = (typeof OUTCOME_TARGETS)[number];

/** A lost opportunity was accepted and qualified first; a rejected lead reached nothing. */
export const outcomeReaches = (outcome: LeadOutcome | null | undefined, target: OutcomeTarget): boolean => {
  switch (target) {
    case 'accepted':
      return outcome === 'accepted' || outcome === 'sql' || outcome === 'won' || outcome === 'lost';
    case 'qualified':
      return outcome === 'sql' || outcome === 'won' || outcome === 'lost';
    case 'won':
      return outcome === 'won';
    default: {
      const unreachable: never = target;
      throw new Error(`Unknown outcome target ${String(unreachable)}`);
    }
  }
};

/** A share rounded to 4 decimals; null when there is nothing to divide by. */
export const ratio = (count: number, of: number): number | null =>
  of === 0 ? null : Math.round((count / of) * 10_000) / 10_000;

/** How many times the base rate a group converts at, 2 decimals; null when either rate is unknown or the base is 0. */
export const liftOf = (rate: number | null, baseRate: number | null): number | null =>
  rate === null || baseRate === null || baseRate === 0 ? null : Math.round((rate / baseRate) * 100) / 100;
