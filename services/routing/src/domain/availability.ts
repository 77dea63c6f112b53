import { DateTime } from 'luxon';
import { calendarOf, WEEKDAYS, type Holidays, type Rep, type SalesOrg, type WorkCalendar } from './sales-org';

/** Why a rep cannot take a lead at a moment. Caps and "held it before" are the pool's, not the calendar's. */
export type Unavailability = 'inactive' | 'out_of_office' | 'holiday' | 'outside_hours';

/** Whether a local date ("YYYY-MM-DD") is a public holiday of the calendar's country/region. */
export type PublicHolidayLookup = (holidays: Holidays, localDate: string) => boolean;

export const noPublicHolidays: PublicHolidayLookup = () => false;

const minutesCache = new Map<string, number>();
/** "HH:mm" as minutes since local midnight ("24:00" is 1440). The schema guarantees the format. */
export const minutesOf = (hhmm: string): number => {
  let m = minutesCache.get(hhmm);
  if (m === undefined) {
    m = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    minutesCache.set(hhmm, m);
  }
  return m;
};

const isHolidayOn = (calendar: WorkCalendar, localDate: string, publicHoliday: PublicHolidayLookup) =>
  calendar.holidays.dates.includes(localDate) || publicHoliday(calendar.holidays, localDate);

const absenceAt = (rep: Rep, at: number) => rep.outOfOffice.find((o) => o.from <= at && at < o.to);

/**
 * Whether the rep can take a lead at `at` (event time, epoch ms): undefined when available, else
 * the first reason that applies, in the order a manager would give it. Hours and holidays are read
 * in the rep's own IANA zone (luxon, so DST shifts the hours with the clock); a rep with no calendar
 * (none of their own, an unknown team) is never available, rather than always.
 */
export function unavailabilityAt(
  org: SalesOrg,
  rep: Rep,
  at: number,
  publicHoliday: PublicHolidayLookup,
): Unavailability | undefined {
  if (!rep.active) return 'inactive';
  if (absenceAt(rep, at)) return 'out_of_office';
  const calendar = calendarOf(org, rep);
  if (calendar === undefined) return 'outside_hours';
  const local = DateTime.fromMillis(at, { zone: calendar.timeZone });
  if (isHolidayOn(calendar, local.toISODate() ?? '', publicHoliday)) return 'holiday';
  const spans = calendar.workingHours[WEEKDAYS[local.weekday - 1] ?? 'mon'] ?? [];
  const minute = local.hour * 60 + local.minute;
  return spans.some((s) => minutesOf(s.from) <= minute && minute < minutesOf(s.to))
    ? undefined
    : 'outside_hours';
}

/**
 * The first moment at or after `at` when the rep is available (hours, holidays, absences), or
 * undefined when there is none within `horizonDays` (inactive, no hours at all). What a held
 * lead's durable timer is set to.
 */
export function nextAvailableAt(
  org: SalesOrg,
  rep: Rep,
  at: number,
  publicHoliday: PublicHolidayLookup,
  horizonDays = 62,
): number | undefined {
  if (!rep.active) return undefined;
  const calendar = calendarOf(org, rep);
  if (calendar === undefined) return undefined;
  const zone = calendar.timeZone;
  const limit = at + horizonDays * 86_400_000;
  let t = at;
  // Each pass either returns or moves t strictly forward (past an absence, to a later span or day).
  for (let guard = 0; guard < 10_000 && t < limit; guard++) {
    const absence = absenceAt(rep, t);
    if (absence) {
      t = absence.to;
      continue;
    }
    const local = DateTime.fromMillis(t, { zone });
    const dayStart = local.startOf('day');
    const nextDay = dayStart.plus({ days: 1 }).toMillis();
    if (isHolidayOn(calendar, local.toISODate() ?? '', publicHoliday)) {
      t = nextDay;
      continue;
    }
    const minute = local.hour * 60 + local.minute;
    const spans = [...(calendar.workingHours[WEEKDAYS[local.weekday - 1] ?? 'mon'] ?? [])].sort(
      (a, b) => minutesOf(a.from) - minutesOf(b.from),
    );
    const span = spans.find((s) => minutesOf(s.to) > minute);
    if (span === undefined) {
      t = nextDay;
      continue;
    }
    if (minutesOf(span.from) <= minute) return t;
    const from = minutesOf(span.from);
    // A start inside a DST gap does not exist locally: luxon moves it forward, which is what a rep does.
    const start = dayStart.set({ hour: Math.floor(from / 60), minute: from % 60 }).toMillis();
    t = start > t ? start : t + 60_000;
  }
  return undefined;
}
