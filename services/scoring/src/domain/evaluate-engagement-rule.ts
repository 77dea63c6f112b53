import { decayFactor } from './decay-factor';
import { DAY_MS } from './duration';
import type { Touchpoint } from './lead-signals';
import type { EngagementRule } from './scoring-model';

export type EngagementRuleResult =
  | { fired: false; qualifyingCount: number }
  | { fired: true; qualifyingCount: number; points: number; detail: string };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Evaluates one engagement rule at `at`.
 * `touchpoints` must already be limited to those at or before `at`; their order does not matter.
 */
export const evaluateEngagementRule = (
  rule: EngagementRule,
  touchpoints: readonly Touchpoint[],
  at: number,
): EngagementRuleResult => {
  const windowStart =
    rule.withinDays === undefined ? Number.NEGATIVE_INFINITY : at - rule.withinDays * DAY_MS;
  // Most recent first; ties share a time, so which one comes first cannot change the points.
  const times = touchpoints
    .filter((t) => rule.touchpointTypes.includes(t.type) && t.occurredAt >= windowStart && t.occurredAt <= at)
    .map((t) => t.occurredAt)
    .sort((a, b) => b - a);
  const qualifyingCount = times.length;
  const thresholdAt = times[rule.minCount - 1];
  if (thresholdAt === undefined) return { fired: false, qualifyingCount };

  const points =
    rule.scoring === 'once'
      ? rule.points * decayFactor(at - thresholdAt, rule.halfLifeDays)
      : times.reduce((sum, time) => sum + rule.points * decayFactor(at - time, rule.halfLifeDays), 0);

  const parts = [`${qualifyingCount} ${rule.name}`];
  if (rule.withinDays !== undefined) parts.push(`within ${plural(rule.withinDays, 'day')}`);
  if (rule.scoring === 'per_occurrence') parts.push(`(${rule.points} each)`);
  if (rule.halfLifeDays !== undefined) parts.push(`(half-life ${plural(rule.halfLifeDays, 'day')})`);
  return { fired: true, qualifyingCount, points, detail: parts.join(' ') };
};
