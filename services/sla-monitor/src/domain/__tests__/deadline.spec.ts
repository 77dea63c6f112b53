import { deadlineAfter } from '../deadline';
import type { Pause } from '../interval';
import { clockOf, local, officeCalendar, roundTheClock, shown } from './calendars';

const BERLIN = 'Europe/Berlin';
const berlin = clockOf(officeCalendar(BERLIN));
const due = (start: string, d: Parameters<typeof deadlineAfter>[2], pauses: Pause[] = []) =>
  shown(deadlineAfter(berlin, local(start, BERLIN), d, pauses), BERLIN);
const pause = (from: string, to: string | null): Pause => ({
  from: local(from, BERLIN),
  to: to === null ? null : local(to, BERLIN),
  reason: 'waiting on the customer',
});

describe('calendar-day durations (CLOCKS.md, worked examples)', () => {
  it('1 day 10 hours from Monday 10:00: Tuesday 10:00, then 10 business hours (Wednesday 12:00)', () => {
    expect(due('2026-01-12T10:00', { kind: 'calendar', days: 1, hours: 10 })).toBe(
      '2026-01-14T12:00:00.000+01:00',
    );
  });

  it('starts the days at the next working moment: from Friday night, Monday 09:00 + 24 h, then 10 business hours', () => {
    expect(due('2026-01-16T20:00', { kind: 'calendar', days: 1, hours: 10 })).toBe(
      '2026-01-21T11:00:00.000+01:00',
    );
  });

  it('counts weekends inside the days: 1 day from Friday 10:00 ends Saturday 10:00', () => {
    expect(due('2026-01-16T10:00', { kind: 'calendar', days: 1, hours: 0 })).toBe(
      '2026-01-17T10:00:00.000+01:00',
    );
  });

  it('counts days as 24 elapsed hours across the spring change (local time moves an hour on)', () => {
    const always = clockOf(roundTheClock(BERLIN));
    const d = deadlineAfter(always, local('2026-03-28T12:00', BERLIN), {
      kind: 'calendar',
      days: 1,
      hours: 0,
    });
    expect(shown(d, BERLIN)).toBe('2026-03-29T13:00:00.000+02:00');
    // Friday 12:00 CET + 48 h is Sunday 13:00 CEST; the business hour after it is Monday 09:00-10:00 CEST.
    expect(due('2026-03-27T12:00', { kind: 'calendar', days: 2, hours: 1 })).toBe(
      '2026-03-30T10:00:00.000+02:00',
    );
  });

  it('counts days as 24 elapsed hours across the autumn change (local time moves an hour back)', () => {
    const always = clockOf(roundTheClock(BERLIN));
    const d = deadlineAfter(always, local('2026-10-24T12:00', BERLIN), {
      kind: 'calendar',
      days: 1,
      hours: 0,
    });
    expect(shown(d, BERLIN)).toBe('2026-10-25T11:00:00.000+01:00');
    expect(due('2026-10-23T12:00', { kind: 'calendar', days: 2, hours: 0 })).toBe(
      '2026-10-25T11:00:00.000+01:00',
    );
  });
});

describe('business-time durations', () => {
  it('10 business hours from Monday 10:00 end Tuesday 12:00', () => {
    expect(due('2026-01-12T10:00', { kind: 'business', hours: 10 })).toBe('2026-01-13T12:00:00.000+01:00');
  });
});

describe('pause and resume', () => {
  it('does not count paused working time', () => {
    expect(
      due('2026-01-12T09:00', { kind: 'business', hours: 4 }, [
        pause('2026-01-12T10:00', '2026-01-12T11:30'),
      ]),
    ).toBe('2026-01-12T14:30:00.000+01:00');
  });

  it('is unaffected by a pause outside working time', () => {
    expect(
      due('2026-01-12T16:00', { kind: 'business', hours: 2 }, [
        pause('2026-01-12T18:00', '2026-01-13T08:00'),
      ]),
    ).toBe('2026-01-13T10:00:00.000+01:00');
  });

  it('has no deadline while a pause is open, and one again once resumed', () => {
    expect(
      due('2026-01-12T09:00', { kind: 'business', hours: 4 }, [pause('2026-01-12T10:00', null)]),
    ).toBeNull();
    expect(
      due('2026-01-12T09:00', { kind: 'business', hours: 4 }, [
        pause('2026-01-12T10:00', '2026-01-13T09:00'),
      ]),
    ).toBe('2026-01-13T12:00:00.000+01:00');
  });

  it('adds overlapping pauses only once', () => {
    expect(
      due('2026-01-12T09:00', { kind: 'business', hours: 4 }, [
        pause('2026-01-12T10:00', '2026-01-12T11:00'),
        pause('2026-01-12T10:30', '2026-01-12T11:30'),
      ]),
    ).toBe('2026-01-12T14:30:00.000+01:00');
  });

  it('stretches the calendar days by the paused time, nights and weekends included', () => {
    // Monday 10:00 + 24 h would be Tuesday 10:00; 14 paused hours move it to Wednesday 00:00, the business hour follows.
    expect(
      due('2026-01-12T10:00', { kind: 'calendar', days: 1, hours: 1 }, [
        pause('2026-01-12T18:00', '2026-01-13T08:00'),
      ]),
    ).toBe('2026-01-14T10:00:00.000+01:00');
  });

  it('starts the days after a pause that holds the start', () => {
    expect(
      due('2026-01-12T10:00', { kind: 'calendar', days: 1, hours: 0 }, [
        pause('2026-01-12T09:00', '2026-01-12T12:00'),
      ]),
    ).toBe('2026-01-13T12:00:00.000+01:00');
  });
});
