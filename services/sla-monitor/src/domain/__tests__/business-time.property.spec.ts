import fc from 'fast-check';
import { addBusinessTime, businessTimeBetween } from '../business-time';
import { deadlineAfter } from '../deadline';
import type { Pause } from '../interval';
import { DAY_MS, HOUR_MS } from '../sla-duration';
import { clockOf, officeCalendar, roundTheClock } from './calendars';

// Calendars in several zones, with and without daylight saving, southern hemisphere, half-hour offset.
const clocks = [
  clockOf(officeCalendar('Europe/Berlin', { dates: ['2026-12-24', '2027-01-01'] })),
  clockOf(officeCalendar('America/New_York')),
  clockOf(officeCalendar('Australia/Sydney')),
  clockOf(officeCalendar('Asia/Kolkata')),
  clockOf(roundTheClock('Europe/London')),
  clockOf({
    ...officeCalendar('America/Los_Angeles'),
    week: { sun: [{ from: '01:00', to: '04:00' }], wed: [{ from: '22:00', to: '24:00' }] },
  }),
];

const MINUTE = 60_000;
const clock = fc.constantFrom(...clocks);
// Two years around both DST changes of every zone above, to the minute.
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1) / MINUTE, max: Date.UTC(2027, 11, 1) / MINUTE })
  .map((m) => m * MINUTE);
const duration = fc.integer({ min: 0, max: 200 * 60 }).map((m) => m * MINUTE);
const pauses = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 * DAY_MS }), fc.integer({ min: MINUTE, max: 3 * DAY_MS })), {
    maxLength: 3,
  })
  .map(
    (ps) =>
      (start: number): Pause[] =>
        ps.map(([at, len]) => ({ from: start + at, to: start + at + len, reason: 'p' })),
  );

describe('business-time arithmetic (properties)', () => {
  it('never gives a deadline earlier than the same amount of wall-clock time', () => {
    fc.assert(
      fc.property(clock, instant, duration, (c, t, d) => {
        expect(addBusinessTime(c, t, d)! - t).toBeGreaterThanOrEqual(d);
      }),
    );
  });

  it('never gives a calendar-day deadline earlier than days × 24 h plus the hours in wall-clock time', () => {
    fc.assert(
      fc.property(
        clock,
        instant,
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 40 }),
        (c, t, days, hours) => {
          const d = deadlineAfter(c, t, { kind: 'calendar', days, hours });
          expect(d! - t).toBeGreaterThanOrEqual(days * DAY_MS + hours * HOUR_MS);
        },
      ),
    );
  });

  it('is monotone in the start and in the duration', () => {
    fc.assert(
      fc.property(clock, instant, instant, duration, duration, (c, t1, t2, d1, d2) => {
        const [ta, tb] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [da, db] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessTime(c, ta, da)!).toBeLessThanOrEqual(addBusinessTime(c, tb, da)!);
        expect(addBusinessTime(c, ta, da)!).toBeLessThanOrEqual(addBusinessTime(c, ta, db)!);
      }),
    );
  });

  it('is associative across splits: adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(clock, instant, duration, duration, (c, t, a, b) => {
        expect(addBusinessTime(c, addBusinessTime(c, t, a)!, b)).toBe(addBusinessTime(c, t, a + b));
      }),
    );
  });

  it('measures back exactly what it added, with or without pauses', () => {
    fc.assert(
      fc.property(clock, instant, duration, pauses, (c, t, d, pausesFrom) => {
        const ps = pausesFrom(t);
        const due = addBusinessTime(c, t, d, ps)!;
        expect(businessTimeBetween(c, t, due, ps)).toBe(d);
        expect(businessTimeBetween(c, t, addBusinessTime(c, t, d)!)).toBe(d);
      }),
    );
  });

  it('never moves a deadline earlier when the clock is paused', () => {
    fc.assert(
      fc.property(clock, instant, duration, pauses, (c, t, d, pausesFrom) => {
        expect(addBusinessTime(c, t, d, pausesFrom(t))!).toBeGreaterThanOrEqual(addBusinessTime(c, t, d)!);
      }),
    );
  });
});
