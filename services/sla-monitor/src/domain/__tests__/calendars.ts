import { DateTime } from 'luxon';
import type { BusinessCalendar, WorkingHours } from '../business-calendar';
import { CalendarClock } from '../calendar-clock';

const nineToFive: readonly WorkingHours[] = [{ from: '09:00', to: '17:00' }];

/** A Monday-to-Friday 9-17 calendar in `timeZone`, with optional holidays. */
export const officeCalendar = (
  timeZone: string,
  holidays: Partial<BusinessCalendar['holidays']> = {},
  id = 'office',
): BusinessCalendar => ({
  id,
  version: 1,
  name: `office hours in ${timeZone}`,
  timeZone,
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: { regions: [], dates: [], workingDates: [], ...holidays },
  appliesTo: { teams: [], regions: [] },
});

const allDay: readonly WorkingHours[] = [{ from: '00:00', to: '24:00' }];

/** Round the clock, every day: business time is elapsed time, so DST days are 23 or 25 hours long. */
export const roundTheClock = (timeZone: string): BusinessCalendar => ({
  ...officeCalendar(timeZone, {}, 'always'),
  week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
});

export const clockOf = (calendar: BusinessCalendar): CalendarClock => new CalendarClock(calendar);

/** Epoch ms of a local time ("2026-01-12T16:30") in a zone. */
export const local = (iso: string, zone: string): number => DateTime.fromISO(iso, { zone }).toMillis();

/** An instant as local ISO time with its offset, so DST is visible in the assertion. */
export const shown = (ms: number | null, zone: string): string | null =>
  ms === null ? null : (DateTime.fromMillis(ms, { zone }).toISO() ?? null);

export const HOURS = (h: number): number => h * 3_600_000;
