import type { SlaRecord } from '../sla-record';
import { nextTimer, scheduleOf } from '../sla-schedule';
import {
  applyActivity,
  applyDisposition,
  cancel,
  fireTimer,
  meet,
  pause,
  resume,
  startRecord,
} from '../sla-transitions';
import { cause, responsePolicy, started } from './builders';
import { clockOf, HOURS, local, officeCalendar, shown } from './calendars';

const BERLIN = 'Europe/Berlin';
const clock = clockOf(officeCalendar(BERLIN));
const at = (iso: string) => local(iso, BERLIN);
const far = at('2027-01-01T00:00');

/** Fires the record's timers in order until `until`, as the worker would, collecting the steps. */
const runTimers = (record: SlaRecord, until: number) => {
  const steps: string[] = [];
  let r = record;
  for (;;) {
    const next = nextTimer(r, scheduleOf(r, clock));
    if (next === null || next.dueAt > until) return { record: r, steps };
    const t = fireTimer(r, { id: `timer-${next.kind}`, ...next }, until, clock);
    steps.push(...t.changes.map((c) => `${c.step}@${shown(c.at, BERLIN)}`));
    if (t.record === r) return { record: r, steps };
    r = t.record;
  }
};

describe('an SLA record from assignment to outcome', () => {
  const start = at('2026-01-12T15:00'); // Monday; 4 business hours: due Tuesday 11:00

  it('starts running with its deadline on the business calendar', () => {
    const t = startRecord(
      {
        id: 'r',
        kind: 'response',
        leadId: 'l',
        repId: 'rep-1',
        teamId: null,
        assignmentId: 'a',
        policy: responsePolicy(),
        calendar: { id: 'office', version: 1 },
        matchedOn: { band: null, region: null, source: null },
        startedAt: start,
        cause: cause('assignment', 'e'),
      },
      clock,
    );
    expect(t.record).toMatchObject({
      status: 'running',
      sequence: 1,
      policy: { id: 'response-hot', version: 1 },
    });
    expect(shown(t.record.dueAt, BERLIN)).toBe('2026-01-13T11:00:00.000+01:00');
    expect(t.changes).toEqual([
      expect.objectContaining({
        sequence: 1,
        step: 'started',
        status: 'running',
        at: start,
        elapsedBusinessMs: 0,
      }),
    ]);
  });

  it('warns at 75% of the business time, breaches at the deadline, then escalates and asks for reassignment', () => {
    const { record, steps } = runTimers(started(clock, start), far);
    expect(steps).toEqual([
      'warning@2026-01-13T10:00:00.000+01:00',
      'breached@2026-01-13T11:00:00.000+01:00',
      'escalated@2026-01-13T12:00:00.000+01:00',
      'reassignment_requested@2026-01-13T13:00:00.000+01:00',
    ]);
    expect(record).toMatchObject({ status: 'breached', sequence: 5, outcomeSequence: 3 });
    expect(nextTimer(record, scheduleOf(record, clock))).toBeNull();
  });

  it('is met by the assigned rep touching the lead before the deadline, and needs no more timers', () => {
    const t = applyActivity(
      started(clock, start),
      { at: at('2026-01-13T09:30'), repId: 'rep-1', cause: cause('activity', 'act-1') },
      clock,
    );
    expect(t.record).toMatchObject({
      status: 'met',
      resolvedAt: at('2026-01-13T09:30'),
      firstActionAt: at('2026-01-13T09:30'),
    });
    expect(t.changes).toEqual([
      expect.objectContaining({ step: 'met', status: 'met', elapsedBusinessMs: HOURS(2.5) }),
    ]);
    expect(nextTimer(t.record, scheduleOf(t.record, clock))).toBeNull();
  });

  it('is not met by another rep', () => {
    const t = applyActivity(
      started(clock, start),
      { at: start + 1, repId: 'rep-2', cause: cause('activity', 'x') },
      clock,
    );
    expect(t.changes).toEqual([]);
  });

  it('turns a breach into met when a touch from before the deadline arrives late, superseding the breach', () => {
    const breached = runTimers(started(clock, start), at('2026-01-13T11:30')).record;
    expect(breached.status).toBe('breached');
    const t = applyActivity(
      breached,
      { at: at('2026-01-13T10:59'), repId: 'rep-1', cause: cause('activity', 'late') },
      clock,
    );
    expect(t.record).toMatchObject({ status: 'met', breachedAt: null, outcomeSequence: 4 });
    expect(t.changes).toEqual([
      expect.objectContaining({ sequence: 4, step: 'corrected', status: 'met', supersedes: 3 }),
    ]);
    expect(nextTimer(t.record, scheduleOf(t.record, clock))).toBeNull();
  });

  it('keeps a breach and records the time to first action when the touch came after the deadline', () => {
    const breached = runTimers(started(clock, start), at('2026-01-13T11:30')).record;
    const t = applyActivity(
      breached,
      { at: at('2026-01-13T11:20'), repId: 'rep-1', cause: cause('activity', 'a') },
      clock,
    );
    expect(t.record).toMatchObject({ status: 'breached', firstActionAt: at('2026-01-13T11:20') });
    expect(t.changes).toEqual([
      expect.objectContaining({
        step: 'first_action',
        status: 'breached',
        elapsedBusinessMs: HOURS(4) + 20 * 60_000,
      }),
    ]);
    const later = applyActivity(
      t.record,
      { at: at('2026-01-13T11:25'), repId: 'rep-1', cause: cause('activity', 'b') },
      clock,
    );
    expect(later.changes).toEqual([]);
  });

  it('emits the breach at the deadline when a late touch arrives before the breach timer fired', () => {
    const t = applyActivity(
      started(clock, start),
      { at: at('2026-01-14T10:00'), repId: 'rep-1', cause: cause('activity', 'a') },
      clock,
    );
    expect(t.changes.map((c) => [c.step, shown(c.at, BERLIN)])).toEqual([
      ['breached', '2026-01-13T11:00:00.000+01:00'],
      ['first_action', '2026-01-14T10:00:00.000+01:00'],
    ]);
  });

  it('moves the first touch of a met record earlier when an earlier one arrives late', () => {
    const met = meet(started(clock, start), at('2026-01-13T10:00'), cause('activity', 'a'), clock).record;
    const t = meet(met, at('2026-01-13T09:00'), cause('activity', 'b'), clock);
    expect(t.record.resolvedAt).toBe(at('2026-01-13T09:00'));
    expect(t.changes).toEqual([expect.objectContaining({ step: 'corrected', status: 'met', supersedes: 2 })]);
    expect(meet(t.record, at('2026-01-13T09:30'), cause('activity', 'c'), clock).changes).toEqual([]);
  });

  it('ignores a touch from before the clock started', () => {
    expect(meet(started(clock, start), start - 1, cause('activity', 'a'), clock).changes).toEqual([]);
  });
});

describe('pause and resume of a record', () => {
  const start = at('2026-01-12T09:00'); // due 13:00

  it('stops the clock, cancels its timers and moves the deadline by the paused business time', () => {
    const paused = pause(
      started(clock, start),
      at('2026-01-12T10:00'),
      'waiting on the customer',
      cause('api', 'p'),
      clock,
    );
    expect(paused.record).toMatchObject({ status: 'paused', dueAt: null });
    expect(nextTimer(paused.record, scheduleOf(paused.record, clock))).toBeNull();
    const resumed = resume(paused.record, at('2026-01-12T11:30'), cause('api', 'r'), clock);
    expect(resumed.record.status).toBe('running');
    expect(shown(resumed.record.dueAt, BERLIN)).toBe('2026-01-12T14:30:00.000+01:00');
    expect(resumed.changes).toEqual([
      expect.objectContaining({ step: 'resumed', elapsedBusinessMs: HOURS(1) }),
    ]);
  });

  it('pauses on a "nurture later" (recycled) disposition as the policy says', () => {
    const t = applyDisposition(
      started(clock, start),
      { at: at('2026-01-12T10:00'), disposition: 'recycled', cause: cause('disposition', 'd') },
      clock,
    );
    expect(t.record.status).toBe('paused');
  });

  it('cancels on a rejected disposition, and does nothing on one the policy does not name', () => {
    const r = started(clock, start);
    expect(
      applyDisposition(r, { at: start + 1, disposition: 'rejected', cause: cause('disposition', 'd') }, clock)
        .record.status,
    ).toBe('cancelled');
    expect(
      applyDisposition(r, { at: start + 1, disposition: 'accepted', cause: cause('disposition', 'd') }, clock)
        .changes,
    ).toEqual([]);
  });

  it('corrects a breach when a pause from before the deadline arrives late', () => {
    const breached = fireTimer(
      started(clock, start),
      { id: 't', kind: 'breach', dueAt: at('2026-01-12T13:00') },
      far,
      clock,
    ).record;
    const t = pause(breached, at('2026-01-12T12:00'), 'waiting', cause('api', 'p'), clock);
    expect(t.record.status).toBe('paused');
    expect(t.changes).toEqual([
      expect.objectContaining({ step: 'corrected', status: 'paused', supersedes: 2 }),
    ]);
  });

  it('ignores a pause that comes after the deadline', () => {
    expect(
      pause(started(clock, start), at('2026-01-12T14:00'), 'late', cause('api', 'p'), clock).changes,
    ).toEqual([]);
  });

  it('counts a touch while paused as met', () => {
    const paused = pause(started(clock, start), at('2026-01-12T10:00'), 'w', cause('api', 'p'), clock).record;
    expect(meet(paused, at('2026-01-14T10:00'), cause('activity', 'a'), clock).record.status).toBe('met');
  });
});

describe('timers', () => {
  const start = at('2026-01-12T09:00');

  it('never act early', () => {
    const r = started(clock, start);
    expect(
      fireTimer(r, { id: 't', kind: 'breach', dueAt: at('2026-01-12T13:00') }, at('2026-01-12T12:59'), clock)
        .changes,
    ).toEqual([]);
  });

  it('do nothing when stale (the schedule moved since they were set)', () => {
    const paused = pause(started(clock, start), at('2026-01-12T10:00'), 'w', cause('api', 'p'), clock).record;
    const resumed = resume(paused, at('2026-01-12T11:00'), cause('api', 'r'), clock).record;
    expect(
      fireTimer(resumed, { id: 't', kind: 'breach', dueAt: at('2026-01-12T13:00') }, far, clock).changes,
    ).toEqual([]);
    expect(
      fireTimer(resumed, { id: 't', kind: 'breach', dueAt: at('2026-01-12T14:00') }, far, clock).changes,
    ).toHaveLength(1);
  });

  it('fire each step once: a second firing of the same timer does nothing', () => {
    const once = fireTimer(
      started(clock, start),
      { id: 't', kind: 'breach', dueAt: at('2026-01-12T13:00') },
      far,
      clock,
    );
    expect(
      fireTimer(once.record, { id: 't', kind: 'breach', dueAt: at('2026-01-12T13:00') }, far, clock).changes,
    ).toEqual([]);
  });
});

describe('cancellation (reassignment, erasure, merge)', () => {
  const start = at('2026-01-12T09:00');

  it('cancels an open record and stops its timers', () => {
    const t = cancel(started(clock, start), at('2026-01-12T10:00'), cause('assignment', 'reassigned'), clock);
    expect(t.record).toMatchObject({ status: 'cancelled', closedAt: at('2026-01-12T10:00') });
    expect(nextTimer(t.record, scheduleOf(t.record, clock))).toBeNull();
  });

  it('keeps a breach and stops its escalations', () => {
    const breached = fireTimer(
      started(clock, start),
      { id: 't', kind: 'breach', dueAt: at('2026-01-12T13:00') },
      far,
      clock,
    ).record;
    const t = cancel(breached, at('2026-01-12T15:00'), cause('assignment', 'reassigned'), clock);
    expect(t.record).toMatchObject({ status: 'breached', closedAt: at('2026-01-12T15:00') });
    expect(t.changes).toEqual([]);
    expect(nextTimer(t.record, scheduleOf(t.record, clock))).toBeNull();
  });

  it('breaches first when the cancellation happened after the deadline', () => {
    const t = cancel(started(clock, start), at('2026-01-12T15:00'), cause('erasure', 'e'), clock);
    expect(t.changes.map((c) => c.step)).toEqual(['breached']);
    expect(t.record.closedAt).toBe(at('2026-01-12T15:00'));
  });

  it('turns a cancellation into met when the touch happened before it', () => {
    const cancelled = cancel(
      started(clock, start),
      at('2026-01-12T11:00'),
      cause('assignment', 'x'),
      clock,
    ).record;
    const t = meet(cancelled, at('2026-01-12T10:00'), cause('activity', 'a'), clock);
    expect(t.record.status).toBe('met');
    expect(t.changes).toEqual([expect.objectContaining({ step: 'corrected', supersedes: 2 })]);
  });
});
