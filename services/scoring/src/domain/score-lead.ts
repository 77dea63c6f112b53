import { bandForTotal } from './band-for-total';
import { describeCondition } from './describe-condition';
import { evaluateEngagementRule } from './evaluate-engagement-rule';
import type { FiredRule, LeadScore, ScoreAdjustment } from './lead-score';
import type { LeadSignals, Touchpoint } from './lead-signals';
import { matchesCondition } from './matches-condition';
import { roundScore } from './round-score';
import type { RuleKind, ScoringModel, ScoringRule } from './scoring-model';

export type ScoreLeadOptions = {
  /** Ignore touchpoints before this moment (epoch ms): a recycled lead re-qualifies on new engagement only. */
  engagementSince?: number;
};

/** Redelivered touchpoints share an id; keep one, chosen independently of input order. */
const usableTouchpoints = (touchpoints: readonly Touchpoint[], at: number, since: number): Touchpoint[] => {
  const byId = new Map<string, Touchpoint>();
  for (const t of touchpoints) {
    // Event time: what happens after `at` is not known at `at`.
    if (!Number.isFinite(t.occurredAt) || t.occurredAt > at || t.occurredAt < since) continue;
    const kept = byId.get(t.touchpointId);
    if (
      kept === undefined ||
      t.occurredAt < kept.occurredAt ||
      (t.occurredAt === kept.occurredAt && t.type < kept.type)
    ) {
      byId.set(t.touchpointId, t);
    }
  }
  return [...byId.values()];
};

type Earned = { rule: ScoringRule; points: number };

/**
 * Bounds a sum and records the bound when it changed what a user sees (the 2-decimal value), so that
 * the explanation adds up: fired points plus each adjustment's (after - before) give the total.
 */
const bounded = (
  value: number,
  cap: number | undefined,
  target: Pick<ScoreAdjustment, 'group' | 'capGroup'>,
  adjustments: ScoreAdjustment[],
  floor: boolean,
): number => {
  let kind: ScoreAdjustment['kind'];
  let limit: number;
  if (cap !== undefined && value > cap) [kind, limit] = ['cap', cap];
  else if (floor && value < 0) [kind, limit] = ['floor', 0];
  else return value;
  const [before, after] = [roundScore(value), roundScore(limit)];
  if (before === after) return limit;
  const what = target.capGroup === undefined ? target.group : `${target.group} group ${target.capGroup}`;
  adjustments.push({
    kind,
    ...target,
    limit,
    before,
    after,
    detail: `${what} ${kind === 'cap' ? 'capped' : 'floored'} at ${limit} (was ${before})`,
  });
  return limit;
};

/** Named groups are capped first, then the sub-score is capped and floored at 0. */
const subScore = (
  earned: readonly Earned[],
  kind: RuleKind,
  model: ScoringModel,
  adjustments: ScoreAdjustment[],
): number => {
  const ungrouped = earned
    .filter((e) => e.rule.kind === kind && e.rule.group === undefined)
    .reduce((sum, e) => sum + e.points, 0);
  const groups = new Map<string, number>();
  for (const e of earned) {
    if (e.rule.kind !== kind || e.rule.group === undefined) continue;
    groups.set(e.rule.group, (groups.get(e.rule.group) ?? 0) + e.points);
  }
  let grouped = 0;
  // Groups are not floored: a group's penalty may offset the sub-score's other points.
  for (const [group, sum] of groups)
    grouped += bounded(sum, model.caps.groups[group], { group: kind, capGroup: group }, adjustments, false);
  return bounded(ungrouped + grouped, model.caps[kind], { group: kind }, adjustments, true);
};

/**
 * Scores a lead under a model at event time `at` (epoch ms). Pure and deterministic: the result
 * depends only on the model, the set of signals and `at`, never on the order of touchpoints.
 */
export const scoreLead = (
  model: ScoringModel,
  signals: LeadSignals,
  at: number,
  options: ScoreLeadOptions = {},
): LeadScore => {
  const base = {
    modelId: model.id,
    modelVersion: model.version,
    at,
    ...(options.engagementSince === undefined ? {} : { engagementSince: options.engagementSince }),
  };
  const { profile } = signals;

  const disqualifiers = model.disqualifiers.filter((d) => matchesCondition(d.condition, profile, model));
  const first = disqualifiers[0];
  if (first !== undefined) {
    return {
      ...base,
      fit: 0,
      engagement: 0,
      total: 0,
      band: 'disqualified',
      firedRules: disqualifiers.map((d) => ({
        ruleId: d.id,
        group: 'disqualifier',
        points: 0,
        detail: `${d.reason}: ${describeCondition(d.condition, profile)}`,
      })),
      // A disqualifier is not a bound on a sum: it replaces the score, as its fired rule and disqualifiedBy say.
      adjustments: [],
      disqualifiedBy: first.reason,
    };
  }

  const touchpoints = usableTouchpoints(
    signals.touchpoints,
    at,
    options.engagementSince ?? Number.NEGATIVE_INFINITY,
  );
  const earned: Earned[] = [];
  const firedRules: FiredRule[] = [];
  for (const rule of model.rules) {
    let points: number;
    let detail: string;
    switch (rule.kind) {
      case 'fit': {
        if (!matchesCondition(rule.condition, profile, model)) continue;
        points = rule.points;
        detail = `${rule.name}: ${describeCondition(rule.condition, profile)}`;
        break;
      }
      case 'engagement': {
        const result = evaluateEngagementRule(rule, touchpoints, at);
        if (!result.fired) continue;
        points = result.points;
        detail = result.detail;
        break;
      }
      default: {
        const unreachable: never = rule;
        throw new Error(`Unknown rule ${JSON.stringify(unreachable)}`);
      }
    }
    earned.push({ rule, points });
    firedRules.push({
      ruleId: rule.id,
      group: rule.kind,
      ...(rule.group === undefined ? {} : { capGroup: rule.group }),
      points: roundScore(points),
      detail,
    });
  }

  // Sub-scores are rounded before the total so that total = fit + engagement whenever no cap bites.
  const adjustments: ScoreAdjustment[] = [];
  const fit = roundScore(subScore(earned, 'fit', model, adjustments));
  const engagement = roundScore(subScore(earned, 'engagement', model, adjustments));
  const total = roundScore(
    bounded(fit + engagement, model.caps.total, { group: 'total' }, adjustments, true),
  );
  return {
    ...base,
    fit,
    engagement,
    total,
    band: bandForTotal(model.bands, total),
    firedRules,
    adjustments,
  };
};
