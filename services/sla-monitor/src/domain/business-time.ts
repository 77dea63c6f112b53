import type { CalendarClock } from './calendar-clock';
import { withoutPauses, type Pause } from './interval';

/**
 * Business-time arithmetic on a calendar: only working time that is not paused counts.
 * All instants are epoch milliseconds UTC; durations are milliseconds of working time.
 */

/** The working, unpaused time from `from` on. */
const countable = (clock: CalendarClock, from: number, pauses: readonly Pause[]) =>
  withoutPauses(clock.workingIntervals(from), pauses);

/**
 * The instant at which `ms` of business time has passed since `from`: the end of the working
 * stretch that completes it (a 1-hour SLA started at 16:00 on a 9-17 day ends at 17:00, not at
 * 09:00 the next morning). 0 ms is `from` itself. Null while an open pause stops the clock first.
 */
export const addBusinessTime = (
  clock: CalendarClock,
  from: number,
  ms: number,
  pauses: readonly Pause[] = [],
): number | null => {
  if (!(ms >= 0)) throw new RangeError(`business time must be >= 0, got ${ms}`);
  if (ms === 0) return from;
  let remaining = ms;
  for (const { from: start, to } of countable(clock, from, pauses)) {
    if (remaining <= to - start) return start + remaining;
    remaining -= to - start;
  }
  return null;
};

/** Business time in [from, to): working, unpaused time only. 0 when to <= from. */
export const businessTimeBetween = (
  clock: CalendarClock,
  from: number,
  to: number,
  pauses: readonly Pause[] = [],
): number => {
  let total = 0;
  if (to <= from) return 0;
  for (const interval of countable(clock, from, pauses)) {
    if (interval.from >= to) break;
    total += Math.min(interval.to, to) - interval.from;
  }
  return total;
};

/** The first working, unpaused moment at or after `at`; null while an open pause holds it. */
export const nextWorkingMoment = (
  clock: CalendarClock,
  at: number,
  pauses: readonly Pause[] = [],
): number | null => {
  for (const interval of countable(clock, at, pauses)) return interval.from;
  return null;
};

/**
 * The instant at which `ms` of unpaused elapsed (wall-clock) time has passed since `from`,
 * whatever the calendar says. Null while an open pause stops it first.
 */
export const addElapsedTime = (from: number, ms: number, pauses: readonly Pause[] = []): number | null => {
  let remaining = ms;
  const always = [{ from, to: Infinity }];
  for (const { from: start, to } of withoutPauses(always, pauses)) {
    if (remaining <= to - start) return start + remaining;
    remaining -= to - start;
  }
  return null;
};
