import type { LifecycleChanged, SlaStatusChanged } from '@smarketing/contracts';

/** A lead-upserted event as ingestion writes it, at event time `at` (epoch ms). */
export { leadUpserted } from '@smarketing/service-testing';

/** scoring's lifecycle-changed: the lead entering MQL (cycle 1 unless said otherwise). */
export const becameMql = (
  leadId: string,
  at: number,
  over: Partial<LifecycleChanged> = {},
): LifecycleChanged => ({
  leadId,
  from: 'lead',
  to: 'mql',
  causeKind: 'score',
  causeDetail: 'band mql (score 64, model aligned v1)',
  causeEventId: null,
  reason: null,
  cycle: 1,
  repId: null,
  occurredAt: at,
  ...over,
});

/** sla-monitor's sla-status-changed: the response SLA of `repId` breached. */
export const slaBreached = (
  leadId: string,
  repId: string | null,
  at: number,
  over: Partial<SlaStatusChanged> = {},
): SlaStatusChanged => ({
  slaRecordId: `sla-${leadId}-${repId}`,
  leadId,
  policyId: 'response-4h',
  repId,
  kind: 'response',
  status: 'breached',
  startedAt: at - 4 * 3_600_000,
  dueAt: at,
  resolvedAt: null,
  elapsedBusinessMs: 4 * 3_600_000,
  occurredAt: at,
  step: 'breached',
  sequence: 2,
  supersedesSequence: null,
  teamId: null,
  assignmentId: null,
  policyVersion: 1,
  calendarId: null,
  calendarVersion: null,
  band: null,
  firstActionAt: null,
  causeKind: 'timer',
  causeId: null,
  causeDetail: `breach timer due ${new Date(at).toISOString()}`,
  ...over,
});
