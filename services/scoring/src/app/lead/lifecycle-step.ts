import type { DispositionReason, LifecycleCauseKind as WireCauseKind } from '@smarketing/contracts';
import { transition, type LifecycleCause } from '../../domain';
import type { ScoringEventSink } from '../ports/scoring-event-sink.port';
import type { LeadRecord } from './lead-record';

export type CauseMeta = {
  kind: WireCauseKind;
  detail: string;
  eventId: string | null;
  reason?: DispositionReason | null;
  repId?: string | null;
};

/** Applies one lifecycle cause to a lead and emits lifecycle-changed for the transition it makes, if any. */
export const applyLifecycleCause = (
  lead: LeadRecord,
  cause: LifecycleCause,
  at: number,
  meta: CauseMeta,
  sink: ScoringEventSink,
): boolean => {
  const result = transition(lead.lifecycle, cause, at);
  lead.lifecycle = result.state;
  for (const t of result.transitions) {
    sink.lifecycleChanged({
      leadId: lead.leadId,
      from: t.from,
      to: t.to,
      causeKind: meta.kind,
      causeDetail: meta.detail,
      causeEventId: meta.eventId,
      reason: meta.reason ?? null,
      cycle: t.mqlCycle,
      repId: meta.repId ?? null,
      occurredAt: t.at,
    });
  }
  return result.transitions.length > 0;
};
