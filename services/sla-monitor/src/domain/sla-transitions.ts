import { businessTimeBetween } from './business-time';
import type { CalendarClock } from './calendar-clock';
import { deadlineAfter } from './deadline';
import type { Disposition, LeadSlaKind, LeadSlaPolicy } from './sla-policy';
import type { SlaCause, SlaChange, SlaRecord, SlaStatus, SlaStep, TimerKind } from './sla-record';
import { scheduleOf } from './sla-schedule';

/**
 * The state machine of a per-lead SLA record (CLOCKS.md draws it). Every function is total and
 * pure: it takes the record, what happened (with its event time) and the record's calendar, and
 * returns the new record with the status changes to emit, in order. Event time decides, never the
 * order of arrival: a touch that happened before the deadline meets the record even when it arrives
 * after the breach was emitted, as a correction that supersedes the breach.
 */
export type Transition = { readonly record: SlaRecord; readonly changes: readonly SlaChange[] };

const same = (record: SlaRecord): Transition => ({ record, changes: [] });

/** Applies a patch and, when `step` is given, emits one status change numbered after the last one. */
const then = (
  t: Transition,
  clock: CalendarClock,
  patch: Partial<SlaRecord>,
  change?: { step: SlaStep; at: number; cause: SlaCause; supersedes?: number | null; outcome?: boolean },
): Transition => {
  if (!change) return { record: { ...t.record, ...patch }, changes: t.changes };
  const sequence = t.record.sequence + 1;
  const record: SlaRecord = {
    ...t.record,
    ...patch,
    sequence,
    ...(change.outcome ? { outcomeSequence: sequence } : {}),
  };
  const status: SlaStatus = record.status;
  return {
    record,
    changes: [
      ...t.changes,
      {
        sequence,
        step: change.step,
        status,
        at: change.at,
        cause: change.cause,
        supersedes: change.supersedes ?? null,
        elapsedBusinessMs: businessTimeBetween(clock, record.startedAt, change.at, record.pauses),
      },
    ],
  };
};

export type StartInput = {
  readonly id: string;
  readonly kind: LeadSlaKind;
  readonly leadId: string;
  readonly repId: string;
  readonly teamId: string | null;
  readonly assignmentId: string;
  readonly policy: LeadSlaPolicy;
  readonly calendar: { readonly id: string; readonly version: number };
  readonly matchedOn: SlaRecord['matchedOn'];
  readonly startedAt: number;
  readonly cause: SlaCause;
};

/** A clock starts at assignment: running, due on the policy's target. */
export const startRecord = (input: StartInput, clock: CalendarClock): Transition => {
  const { policy } = input;
  const record: SlaRecord = {
    id: input.id,
    kind: input.kind,
    leadId: input.leadId,
    repId: input.repId,
    teamId: input.teamId,
    assignmentId: input.assignmentId,
    policy: {
      id: policy.id,
      version: policy.version,
      target: policy.target,
      warningAt: policy.warningAt,
      escalateAfter: policy.escalateAfter,
      reassignAfter: policy.reassignAfter,
      onDisposition: policy.onDisposition,
    },
    calendar: input.calendar,
    matchedOn: input.matchedOn,
    startedAt: input.startedAt,
    pauses: [],
    status: 'running',
    dueAt: deadlineAfter(clock, input.startedAt, policy.target),
    warnedAt: null,
    breachedAt: null,
    escalatedAt: null,
    reassignmentRequestedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    firstActionAt: null,
    closedAt: null,
    outcomeSequence: null,
    sequence: 0,
  };
  return then(same(record), clock, {}, { step: 'started', at: input.startedAt, cause: input.cause });
};

/**
 * A qualifying action at `at` (the assigned rep's touch for a response SLA, a disposition that
 * meets): met if it came by the deadline, else a breach (if not emitted yet) and the first action.
 */
export const meet = (record: SlaRecord, at: number, cause: SlaCause, clock: CalendarClock): Transition => {
  const t = same(record);
  if (at < record.startedAt) return t;
  const met = { status: 'met' as const, resolvedAt: at, resolvedBy: cause, firstActionAt: at };
  const inTime = record.dueAt === null || at <= record.dueAt;
  switch (record.status) {
    case 'met':
      // An earlier touch arrived late: it is the first one.
      return record.resolvedAt !== null && at < record.resolvedAt
        ? then(t, clock, met, {
            step: 'corrected',
            at,
            cause,
            supersedes: record.outcomeSequence,
            outcome: true,
          })
        : t;
    case 'cancelled':
      // Cancelled (reassigned, disqualified...) after the touch happened: by event time it was met first.
      return record.closedAt !== null && at <= record.closedAt && inTime
        ? then(t, clock, met, {
            step: 'corrected',
            at,
            cause,
            supersedes: record.outcomeSequence,
            outcome: true,
          })
        : t;
    case 'breached':
      if (record.closedAt !== null && at > record.closedAt) return t;
      if (inTime)
        return then(
          t,
          clock,
          { ...met, breachedAt: null, escalatedAt: null, reassignmentRequestedAt: null },
          {
            step: 'corrected',
            at,
            cause,
            supersedes: record.outcomeSequence,
            outcome: true,
          },
        );
      if (record.firstActionAt !== null && at >= record.firstActionAt) return t;
      return then(t, clock, { firstActionAt: at }, { step: 'first_action', at, cause });
    case 'running':
    case 'warning':
    case 'paused': {
      if (record.closedAt !== null && at > record.closedAt) return t;
      if (inTime) return then(t, clock, met, { step: 'met', at, cause, outcome: true });
      // Late: the deadline passed before the touch, whether or not the breach timer fired yet.
      const dueAt = record.dueAt ?? at;
      const breached = then(
        t,
        clock,
        { status: 'breached', breachedAt: dueAt },
        {
          step: 'breached',
          at: dueAt,
          cause: { ...cause, detail: `deadline passed before ${cause.detail}` },
          outcome: true,
        },
      );
      return then(breached, clock, { firstActionAt: at }, { step: 'first_action', at, cause });
    }
    default: {
      const never: never = record.status;
      return never;
    }
  }
};

/** The assigned rep touched the lead (sales-activity-recorded): answers a response SLA only. */
export const applyActivity = (
  record: SlaRecord,
  activity: { readonly at: number; readonly repId: string; readonly cause: SlaCause },
  clock: CalendarClock,
): Transition =>
  record.kind === 'response' && activity.repId === record.repId
    ? meet(record, activity.at, activity.cause, clock)
    : same(record);

/** Stops the clock at `at` (waiting on the customer, a "nurture later" disposition, an API call). */
export const pause = (
  record: SlaRecord,
  at: number,
  reason: string,
  cause: SlaCause,
  clock: CalendarClock,
): Transition => {
  const t = same(record);
  if (record.closedAt !== null || record.dueAt === null || at >= record.dueAt) return t;
  const from = Math.max(at, record.startedAt);
  const paused = {
    status: 'paused' as const,
    dueAt: null,
    pauses: [...record.pauses, { from, to: null, reason }],
  };
  switch (record.status) {
    case 'running':
    case 'warning':
      return then(t, clock, paused, { step: 'paused', at: from, cause });
    case 'breached':
      // Paused (by event time) before the deadline the breach was emitted for: the breach was wrong.
      return then(
        t,
        clock,
        { ...paused, breachedAt: null, escalatedAt: null, reassignmentRequestedAt: null },
        {
          step: 'corrected',
          at: from,
          cause,
          supersedes: record.outcomeSequence,
          outcome: true,
        },
      );
    case 'paused':
    case 'met':
    case 'cancelled':
      return t;
    default: {
      const never: never = record.status;
      return never;
    }
  }
};

/** Restarts a paused clock at `at`: the deadline moves on by the paused business time. */
export const resume = (record: SlaRecord, at: number, cause: SlaCause, clock: CalendarClock): Transition => {
  if (record.status !== 'paused') return same(record);
  const pauses = record.pauses.map((p) => (p.to === null ? { ...p, to: Math.max(at, p.from) } : p));
  const dueAt = deadlineAfter(clock, record.startedAt, record.policy.target, pauses);
  const status: SlaStatus = record.warnedAt !== null ? 'warning' : 'running';
  return then(
    same(record),
    clock,
    { pauses, dueAt, status },
    { step: 'resumed', at: Math.max(at, record.startedAt), cause },
  );
};

/**
 * The record stops being owed at `at` (the lead was reassigned, disqualified, merged away, erased).
 * An open record is cancelled; an outcome stays, and its chain of escalations stops.
 */
export const cancel = (record: SlaRecord, at: number, cause: SlaCause, clock: CalendarClock): Transition => {
  const t = same(record);
  if (record.closedAt !== null) return t;
  switch (record.status) {
    case 'running':
    case 'warning':
    case 'paused': {
      if (record.dueAt !== null && at > record.dueAt) {
        // The deadline passed before the cancellation (its event came late): breached first.
        const breached = then(
          t,
          clock,
          { status: 'breached', breachedAt: record.dueAt },
          {
            step: 'breached',
            at: record.dueAt,
            cause: { ...cause, detail: `deadline passed before ${cause.detail}` },
            outcome: true,
          },
        );
        return then(breached, clock, { closedAt: at });
      }
      return then(
        t,
        clock,
        { status: 'cancelled', closedAt: at },
        { step: 'cancelled', at, cause, outcome: true },
      );
    }
    case 'breached':
      if (record.dueAt !== null && at < record.dueAt)
        return then(
          t,
          clock,
          { status: 'cancelled', closedAt: at, breachedAt: null },
          {
            step: 'corrected',
            at,
            cause,
            supersedes: record.outcomeSequence,
            outcome: true,
          },
        );
      return then(t, clock, { closedAt: at });
    case 'met':
      return then(t, clock, { closedAt: at });
    case 'cancelled':
      return t;
    default: {
      const never: never = record.status;
      return never;
    }
  }
};

/** A disposition: meets, pauses or cancels the record as its policy says (nothing when it says nothing). */
export const applyDisposition = (
  record: SlaRecord,
  disposition: { readonly at: number; readonly disposition: Disposition; readonly cause: SlaCause },
  clock: CalendarClock,
): Transition => {
  const action = record.policy.onDisposition[disposition.disposition];
  switch (action) {
    case undefined:
      return same(record);
    case 'meet':
      return meet(record, disposition.at, disposition.cause, clock);
    case 'pause':
      return pause(
        record,
        disposition.at,
        `disposition ${disposition.disposition}`,
        disposition.cause,
        clock,
      );
    case 'cancel':
      return cancel(record, disposition.at, disposition.cause, clock);
    default: {
      const never: never = action;
      return never;
    }
  }
};

/**
 * A durable timer of the record came due. It acts only if it is still the record's (the schedule
 * gives the same instant for its kind) and the record is where that step applies; a stale timer
 * (the record was met, paused or resumed since) does nothing. Never early: a timer due after `now`
 * does nothing. The change's event time is the timer's due time, not the time it was processed.
 */
export const fireTimer = (
  record: SlaRecord,
  timer: { readonly id: string; readonly kind: TimerKind; readonly dueAt: number },
  now: number,
  clock: CalendarClock,
): Transition => {
  const t = same(record);
  if (timer.dueAt > now || record.closedAt !== null) return t;
  if (scheduleOf(record, clock)[timer.kind] !== timer.dueAt) return t;
  const cause: SlaCause = {
    kind: 'timer',
    id: timer.id,
    detail: `${timer.kind} timer due ${new Date(timer.dueAt).toISOString()}`,
  };
  const at = timer.dueAt;
  switch (timer.kind) {
    case 'warning':
      return record.status === 'running' && record.warnedAt === null
        ? then(t, clock, { status: 'warning', warnedAt: at }, { step: 'warning', at, cause })
        : t;
    case 'breach':
      return record.status === 'running' || record.status === 'warning'
        ? then(
            t,
            clock,
            { status: 'breached', breachedAt: at },
            { step: 'breached', at, cause, outcome: true },
          )
        : t;
    case 'escalation':
      return record.status === 'breached' && record.escalatedAt === null
        ? then(t, clock, { escalatedAt: at }, { step: 'escalated', at, cause })
        : t;
    case 'reassignment':
      return record.status === 'breached' && record.reassignmentRequestedAt === null
        ? then(t, clock, { reassignmentRequestedAt: at }, { step: 'reassignment_requested', at, cause })
        : t;
    default: {
      const never: never = timer.kind;
      return never;
    }
  }
};
