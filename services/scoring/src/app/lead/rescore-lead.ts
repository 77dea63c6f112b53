import {
  scoreLead,
  type LeadProfile,
  type LifecycleCause,
  type ScoringModel,
  toTouchpoints,
} from '../../domain';
import type { ScoringEventSink } from '../ports/scoring-event-sink.port';
import type { LeadRecord } from './lead-record';
import { applyLifecycleCause } from './lifecycle-step';
import { explanationOf } from './score-explanation';

/** What a lead without a profile (a placeholder) is scored on: engagement only. */
export const EMPTY_PROFILE: LeadProfile = { seniority: 'unknown', properties: {} };

export type ScoreTrigger = {
  /** lead-scored's `cause`, e.g. "touchpoint:demo_request", "profile", "merge", "model:aligned@2". */
  cause: string;
  /** event-id of the event behind it; null for a model publication. */
  eventId: string | null;
  /** Evaluation time: scores are evaluated at event time, decay included. */
  evaluateAt: number;
  /** Event time of the emitted events (defaults to evaluateAt). */
  occurredAt?: number;
};

export const signalsOf = (lead: LeadRecord) => ({
  profile: lead.profile ?? EMPTY_PROFILE,
  touchpoints: toTouchpoints(lead.touchpoints),
});

/**
 * Scores a lead under the default model, emits lead-scored when the total or the band changed, and
 * feeds the band to the lifecycle. A recycled lead re-qualifies on engagement since the recycle only.
 * Returns whether the score or band changed.
 */
export const rescoreLead = (
  lead: LeadRecord,
  model: ScoringModel,
  trigger: ScoreTrigger,
  sink: ScoringEventSink,
): boolean => {
  const signals = signalsOf(lead);
  const at = trigger.evaluateAt;
  const occurredAt = trigger.occurredAt ?? at;
  const score = scoreLead(model, signals, at);
  const previous = lead.score;
  const changed = previous === null || previous.total !== score.total || previous.band !== score.band;
  lead.score = score;
  if (changed) {
    sink.leadScored({
      leadId: lead.leadId,
      modelId: model.id,
      modelVersion: model.version,
      fit: score.fit,
      engagement: score.engagement,
      total: score.total,
      band: score.band,
      previousBand: previous?.band ?? null,
      ...explanationOf(score),
      disqualifiedBy: score.disqualifiedBy ?? null,
      cause: trigger.cause,
      occurredAt,
    });
  }

  const since = lead.lifecycle.stage === 'recycled' ? lead.lifecycle.enteredAt : undefined;
  const lifecycleScore =
    since === undefined ? score : scoreLead(model, signals, at, { engagementSince: since });
  const cause: LifecycleCause = {
    kind: 'score_changed',
    band: lifecycleScore.band,
    ...(lifecycleScore.disqualifiedBy === undefined ? {} : { disqualifiedBy: lifecycleScore.disqualifiedBy }),
    ...(since === undefined ? {} : { engagementSince: since, engagedSince: lifecycleScore.engagement > 0 }),
  };
  const detail =
    `band ${lifecycleScore.band} (score ${lifecycleScore.total}, model ${model.id} v${model.version}` +
    `${since === undefined ? '' : ', engagement since recycle'}${lifecycleScore.disqualifiedBy ? `, disqualified: ${lifecycleScore.disqualifiedBy}` : ''})`;
  applyLifecycleCause(lead, cause, occurredAt, { kind: 'score', detail, eventId: trigger.eventId }, sink);
  return changed;
};

/** Evaluation time for an event: never earlier than the lead's last evaluation, so a late event cannot move the score back in time. */
export const evaluationTime = (lead: LeadRecord, eventAt: number): number =>
  Math.max(eventAt, lead.score?.at ?? Number.NEGATIVE_INFINITY);
