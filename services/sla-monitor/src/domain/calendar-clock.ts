import { DateTime } from 'luxon';
import { WEEKDAYS, type BusinessCalendar } from './business-calendar';
import { holidayDates } from './holiday-dates';
import type { Interval } from './interval';

/** A calendar that has no working time for this many consecutive days is treated as having none at all. */
const MAX_IDLE_DAYS = 800;

export class NoWorkingTimeError extends Error {
  constructor(calendarId: string, from: number) {
    super(
      `calendar ${calendarId} has no working time in the ${MAX_IDLE_DAYS} days after ${new Date(from).toISOString()}`,
    );
    this.name = 'NoWorkingTimeError';
  }
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * A calendar made ready for arithmetic: its working intervals as UTC instants, day by day in its
 * time zone. Local times become instants through luxon, so every day has its own UTC offset and
 * both daylight-saving changes come out right: a working-hour boundary inside the skipped hour
 * moves forward by the gap, one inside the repeated hour takes its second occurrence (luxon's rule),
 * and a working day that spans the change is an hour shorter or longer in elapsed time.
 */
export class CalendarClock {
  private readonly week: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  private readonly extraDaysOff: ReadonlySet<string>;
  private readonly workingDates: ReadonlySet<string>;

  constructor(readonly calendar: BusinessCalendar) {
    this.week = WEEKDAYS.map((day) =>
      (calendar.week[day] ?? [])
        .map((h) => [minutesOf(h.from), minutesOf(h.to)] as const)
        .sort((a, b) => a[0] - b[0]),
    );
    this.extraDaysOff = new Set(calendar.holidays.dates);
    this.workingDates = new Set(calendar.holidays.workingDates);
  }

  get timeZone(): string {
    return this.calendar.timeZone;
  }

  /** Whether the local date ("YYYY-MM-DD") is a day off: a listed date or a holiday of a region. */
  isDayOff(date: string): boolean {
    if (this.workingDates.has(date)) return false;
    if (this.extraDaysOff.has(date)) return true;
    const year = Number(date.slice(0, 4));
    return this.calendar.holidays.regions.some((r) => holidayDates(r, year).has(date));
  }

  /** The working intervals of one local day (midnight in the calendar's zone), in order. */
  intervalsOfDay(day: DateTime): Interval[] {
    const date = day.toISODate() ?? '';
    if (this.isDayOff(date)) return [];
    const hours = this.week[day.weekday - 1] ?? [];
    const at = (minutes: number): number =>
      minutes >= 24 * 60
        ? day.plus({ days: 1 }).toMillis()
        : DateTime.fromObject(
            {
              year: day.year,
              month: day.month,
              day: day.day,
              hour: Math.floor(minutes / 60),
              minute: minutes % 60,
            },
            { zone: this.calendar.timeZone },
          ).toMillis();
    return hours.map(([from, to]) => ({ from: at(from), to: at(to) })).filter((i) => i.to > i.from);
  }

  /** Working time from `from` onwards, clipped at `from`, in order, without end. */
  *workingIntervals(from: number): Generator<Interval> {
    let day = DateTime.fromMillis(from, { zone: this.calendar.timeZone }).startOf('day');
    let idle = 0;
    for (;;) {
      const intervals = this.intervalsOfDay(day);
      let any = false;
      for (const i of intervals) {
        if (i.to <= from) continue;
        any = true;
        yield { from: Math.max(i.from, from), to: i.to };
      }
      idle = any ? 0 : idle + 1;
      if (idle > MAX_IDLE_DAYS) throw new NoWorkingTimeError(this.calendar.id, from);
      day = day.plus({ days: 1 }).startOf('day');
    }
  }
}
