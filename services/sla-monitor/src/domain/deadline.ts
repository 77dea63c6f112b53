import { addBusinessTime, addElapsedTime, nextWorkingMoment } from './business-time';
import type { CalendarClock } from './calendar-clock';
import type { Pause } from './interval';
import { DAY_MS, HOUR_MS, type SlaDuration } from './sla-duration';

/**
 * When a duration that starts at `from` runs out on the calendar, pauses not counting (CLOCKS.md):
 * - business: `hours` of working time after `from`;
 * - calendar: from the next working moment, `days` × 24 elapsed hours (weekends, nights and
 *   holidays count; a daylight-saving change does not shorten or lengthen them), then `hours`
 *   business hours. With hours 0 the deadline is the end of the days, even outside working hours.
 * Null while an open pause stops the clock.
 */
export const deadlineAfter = (
  clock: CalendarClock,
  from: number,
  duration: SlaDuration,
  pauses: readonly Pause[] = [],
): number | null => {
  switch (duration.kind) {
    case 'business':
      return addBusinessTime(clock, from, duration.hours * HOUR_MS, pauses);
    case 'calendar': {
      const start = nextWorkingMoment(clock, from, pauses);
      if (start === null) return null;
      const afterDays = addElapsedTime(start, duration.days * DAY_MS, pauses);
      if (afterDays === null) return null;
      return addBusinessTime(clock, afterDays, duration.hours * HOUR_MS, pauses);
    }
    default: {
      const never: never = duration;
      return never;
    }
  }
};
