import type { SlaStatusChanged } from '@smarketing/contracts';
import type { CalendarClock } from '../../domain/calendar-clock';
import { deadlineAfter } from '../../domain/deadline';
import type { SlaChange, SlaRecord } from '../../domain/sla-record';

/** While paused: the deadline the record would have if it resumed at once (the wire's dueAt is never null). */
export const shownDueAt = (record: SlaRecord, clock: CalendarClock): number =>
  record.dueAt ??
  deadlineAfter(
    clock,
    record.startedAt,
    record.policy.target,
    record.pauses.filter((p) => p.to !== null),
  ) ??
  record.startedAt;

/** One status change as sla-status-changed carries it. */
export const toStatusEvent = (
  record: SlaRecord,
  change: SlaChange,
  clock: CalendarClock,
): SlaStatusChanged => ({
  slaRecordId: record.id,
  leadId: record.leadId,
  policyId: record.policy.id,
  policyVersion: record.policy.version,
  repId: record.repId,
  teamId: record.teamId,
  assignmentId: record.assignmentId,
  kind: record.kind,
  status: change.status,
  step: change.step,
  sequence: change.sequence,
  supersedesSequence: change.supersedes,
  startedAt: record.startedAt,
  dueAt: shownDueAt(record, clock),
  resolvedAt: change.status === 'met' ? record.resolvedAt : null,
  firstActionAt: record.firstActionAt,
  elapsedBusinessMs: change.elapsedBusinessMs,
  calendarId: record.calendar.id,
  calendarVersion: record.calendar.version,
  band: record.matchedOn.band,
  causeKind: change.cause.kind,
  causeId: change.cause.id,
  causeDetail: change.cause.detail,
  occurredAt: change.at,
});
