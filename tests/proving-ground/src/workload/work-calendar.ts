import { DAY, MINUTE } from './quarter';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A rep's or team's working week, as routing's sales-org documents write it, plus what the
 * generator needs to plan around it without a time-zone library: the zone's UTC offset, which is
 * constant through 2026-Q3 for every zone used here (no DST change between July 1 and September 30;
 * a test pins it against Intl), and the public holidays of the quarter (routing reads them from
 * date-holidays; the generator only needs them to keep sales touches off those days).
 */
export type WorkCalendar = {
  readonly timeZone: string;
  readonly utcOffsetMinutes: number;
  readonly workingHours: Partial<Record<Weekday, readonly string[]>>;
  readonly holidays: { readonly country?: string; readonly region?: string };
  /** Local dates of 2026-Q3 that are public holidays of `holidays`. */
  readonly quarterHolidays: readonly string[];
};

/** [from, to) in epoch ms, as routing's out-of-office periods. */
export type Absence = { readonly from: number; readonly to: number; readonly reason: string };

/** The same hours every weekday ("09:00-17:30"), and none at the weekend. */
export const weekdays = (...spans: readonly string[]): Partial<Record<Weekday, readonly string[]>> => ({
  mon: spans,
  tue: spans,
  wed: spans,
  thu: spans,
  fri: spans,
});

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

type LocalDay = { readonly date: string; readonly weekday: Weekday; readonly midnight: number };

/** The local day a moment falls on, and that day's local midnight as epoch ms. */
function localDayOf(calendar: WorkCalendar, at: number): LocalDay {
  const offset = calendar.utcOffsetMinutes * MINUTE;
  const local = new Date(at + offset);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - offset;
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const weekday = WEEKDAYS[(local.getUTCDay() + 6) % 7] as Weekday;
  return { date: local.toISOString().slice(0, 10), weekday, midnight };
}

/** The working spans of a local day as epoch-ms [from, to) pairs, sorted; none on a holiday. */
function spansOn(calendar: WorkCalendar, day: LocalDay): [number, number][] {
  if (calendar.quarterHolidays.includes(day.date)) return [];
  return (calendar.workingHours[day.weekday] ?? [])
    .map((span): [number, number] => {
      const [from = '00:00', to = '00:00'] = span.split('-');
      return [day.midnight + minutesOf(from) * MINUTE, day.midnight + minutesOf(to) * MINUTE];
    })
    .sort((a, b) => a[0] - b[0]);
}

const absenceAt = (absences: readonly Absence[], at: number): Absence | undefined =>
  absences.find((a) => a.from <= at && at < a.to);

/** Whether someone on this calendar works at `at`: inside a span, not on a holiday, not away. */
export function isWorking(calendar: WorkCalendar, absences: readonly Absence[], at: number): boolean {
  if (absenceAt(absences, at) !== undefined) return false;
  return spansOn(calendar, localDayOf(calendar, at)).some(([from, to]) => from <= at && at < to);
}

/**
 * The first moment at or after `at` when someone on this calendar works (what a held lead waits
 * for, and when a rep can touch a lead). Throws for a calendar without hours: there is none.
 */
export function nextWorkingMoment(calendar: WorkCalendar, absences: readonly Absence[], at: number): number {
  let t = at;
  for (let guard = 0; guard < 1_000; guard += 1) {
    const absence = absenceAt(absences, t);
    if (absence !== undefined) {
      t = absence.to;
      continue;
    }
    const day = localDayOf(calendar, t);
    const span = spansOn(calendar, day).find(([, to]) => to > t);
    if (span === undefined) {
      t = day.midnight + DAY;
      continue;
    }
    const start = Math.max(t, span[0]);
    if (absenceAt(absences, start) === undefined) return start;
    t = start;
  }
  throw new RangeError(
    `${calendar.timeZone}: no working moment within reach of ${new Date(at).toISOString()}`,
  );
}
