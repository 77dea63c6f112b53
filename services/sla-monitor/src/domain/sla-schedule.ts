import { addBusinessTime, businessTimeBetween } from './business-time';
import type { CalendarClock } from './calendar-clock';
import { deadlineAfter } from './deadline';
import type { SlaRecord, TimerKind } from './sla-record';

/** The instants of a record's chain on its calendar, pauses not counting; null: none (or paused). */
export type SlaSchedule = { readonly [K in TimerKind]: number | null };

/**
 * The chain of a record: the deadline (breach); the warning when `warningAt` of the business time
 * from start to deadline has passed; escalation and reassignment request their durations after
 * the deadline. All null while an open pause stops the clock.
 */
export const scheduleOf = (record: SlaRecord, clock: CalendarClock): SlaSchedule => {
  const { policy, startedAt, pauses } = record;
  const breach = deadlineAfter(clock, startedAt, policy.target, pauses);
  if (breach === null) return { warning: null, breach: null, escalation: null, reassignment: null };
  let warning: number | null = null;
  if (policy.warningAt !== null) {
    const total = businessTimeBetween(clock, startedAt, breach, pauses);
    const before = Math.floor(total * policy.warningAt);
    warning = before > 0 ? addBusinessTime(clock, startedAt, before, pauses) : null;
    if (warning !== null && warning >= breach) warning = null;
  }
  return {
    warning,
    breach,
    escalation: policy.escalateAfter && deadlineAfter(clock, breach, policy.escalateAfter, pauses),
    reassignment: policy.reassignAfter && deadlineAfter(clock, breach, policy.reassignAfter, pauses),
  };
};

/**
 * The one timer a record needs next (the earliest step of its chain still to come), or null when
 * it needs none: met, cancelled, closed, paused, or the chain is done.
 */
export const nextTimer = (
  record: SlaRecord,
  schedule: SlaSchedule,
): { kind: TimerKind; dueAt: number } | null => {
  if (record.closedAt !== null) return null;
  const pending: TimerKind[] = [];
  switch (record.status) {
    case 'running':
      if (record.warnedAt === null) pending.push('warning');
      pending.push('breach');
      break;
    case 'warning':
      pending.push('breach');
      break;
    case 'breached':
      if (record.escalatedAt === null) pending.push('escalation');
      if (record.reassignmentRequestedAt === null) pending.push('reassignment');
      break;
    case 'paused':
    case 'met':
    case 'cancelled':
      return null;
    default: {
      const never: never = record.status;
      return never;
    }
  }
  let next: { kind: TimerKind; dueAt: number } | null = null;
  for (const kind of pending) {
    const dueAt = schedule[kind];
    if (dueAt !== null && (next === null || dueAt < next.dueAt)) next = { kind, dueAt };
  }
  return next;
};
