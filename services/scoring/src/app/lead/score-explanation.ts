import type { LeadScored } from '@smarketing/contracts';
import type { LeadScore } from '../../domain';

/** The explanation of a score as `lead-scored` carries it. */
export type ScoreExplanation = Pick<LeadScored, 'firedRules' | 'adjustments'>;

/**
 * The one mapping from a score's explanation to the wire, used by the `lead-scored` event and the
 * HTTP score alike, so that both say the same thing with the same field names: `group` is always the
 * sub-score, `capGroup` the named cap group (null when none), and every cap or floor that changed a
 * sum is in `adjustments`.
 */
export const explanationOf = (score: LeadScore): ScoreExplanation => ({
  firedRules: score.firedRules.map((r) => ({
    ruleId: r.ruleId,
    group: r.group,
    capGroup: r.capGroup ?? null,
    points: r.points,
    detail: r.detail,
  })),
  adjustments: score.adjustments.map((a) => ({
    kind: a.kind,
    group: a.group,
    capGroup: a.capGroup ?? null,
    limit: a.limit,
    before: a.before,
    after: a.after,
    detail: a.detail,
  })),
});
