import type { LeadRecord } from './lead-record';
import type { OpportunityRecord } from './opportunity-record';
import { monthOf, quarterOf, weekOf } from './period';

/**
 * What an account did in a period, as a count: how many of its leads reached their first MQL
 * (`mql`) or how many of its opportunities were first seen (`opportunity`) in the quarter, the month
 * or the ISO week `period` (its id: `2026-Q4`, `2026-11`, `2026-W48`). Tier 1 coverage counts the
 * Tier 1 accounts with a row for the period: distinct accounts per period are not additive over days,
 * so the roll-up's daily counters cannot answer it, and these rows are a handful per account.
 */
export type AccountActivity = {
  readonly accountId: string;
  readonly period: string;
  readonly kind: 'mql' | 'opportunity';
  readonly count: number;
};

const periodsOf = (at: number): string[] => [quarterOf(at).id, monthOf(at).id, weekOf(at).id];

const of = (accountId: string, kind: AccountActivity['kind'], at: number): AccountActivity[] =>
  periodsOf(at).map((period) => ({ accountId, period, kind, count: 1 }));

/** A lead's activity: its first MQL under its account (none once merged away, none without an account). */
export function leadActivity(l: LeadRecord): AccountActivity[] {
  const accountId = l.profile?.value.accountId ?? null;
  const mql = l.milestones.mql;
  return l.mergedInto === null && accountId !== null && mql !== null ? of(accountId, 'mql', mql) : [];
}

/** An opportunity's activity: first seen under its account. */
export function opportunityActivity(o: OpportunityRecord): AccountActivity[] {
  const accountId = o.state?.value.accountId ?? null;
  return accountId !== null && o.createdAt !== null ? of(accountId, 'opportunity', o.createdAt) : [];
}

/** An activity row's key: account, period, kind. */
export const activityKey = (a: AccountActivity): string => [a.accountId, a.period, a.kind].join('\u0000');

/** after - before, per account, period and kind; zeros dropped, in key order (rows are locked in it). */
export function activityDelta(
  before: readonly AccountActivity[],
  after: readonly AccountActivity[],
): AccountActivity[] {
  const acc = new Map<string, AccountActivity>();
  const add = (a: AccountActivity, sign: 1 | -1) => {
    const k = activityKey(a);
    acc.set(k, { ...a, count: (acc.get(k)?.count ?? 0) + sign * a.count });
  };
  for (const a of before) add(a, -1);
  for (const a of after) add(a, 1);
  return [...acc.entries()]
    .filter(([, a]) => a.count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, a]) => a);
}
