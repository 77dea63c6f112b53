import { DAY, HOUR, QUARTER } from '../quarter';
import { REPS, TEAMS, calendarOfRep, repById, teamById } from '../sales-org';
import { isWorking, nextWorkingMoment, type WorkCalendar } from '../work-calendar';

/** The zone's UTC offset in minutes at a moment, as the runtime's time-zone data has it. */
function offsetOf(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - at) / 60_000);
}

const calendars: WorkCalendar[] = [...TEAMS.map((t) => t.calendar), ...REPS.map(calendarOfRep)];

describe('work calendars', () => {
  it('have the UTC offset their zone keeps through all of 2026-Q3 (no DST change inside it)', () => {
    for (const calendar of calendars)
      for (let at = QUARTER.start; at <= QUARTER.end; at += 6 * HOUR)
        expect([calendar.timeZone, offsetOf(calendar.timeZone, at)]).toEqual([
          calendar.timeZone,
          calendar.utcOffsetMinutes,
        ]);
  });

  it('keep Berlin reps out of the lunch break and the weekend', () => {
    const berlin = teamById('pg-emea').calendar;
    expect(isWorking(berlin, [], Date.parse('2026-07-07T09:00:00+02:00'))).toBe(true);
    expect(isWorking(berlin, [], Date.parse('2026-07-07T12:45:00+02:00'))).toBe(false);
    expect(isWorking(berlin, [], Date.parse('2026-07-07T13:30:00+02:00'))).toBe(true);
    expect(isWorking(berlin, [], Date.parse('2026-07-07T17:30:00+02:00'))).toBe(false);
    expect(isWorking(berlin, [], Date.parse('2026-07-11T10:00:00+02:00'))).toBe(false);
  });

  it('take public holidays and absences as days off', () => {
    const chicago = repById('priya-raman');
    expect(isWorking(calendarOfRep(chicago), [], Date.parse('2026-09-07T10:00:00-05:00'))).toBe(false);
    expect(isWorking(calendarOfRep(chicago), [], Date.parse('2026-09-08T10:00:00-05:00'))).toBe(true);
    expect(
      isWorking(calendarOfRep(chicago), chicago.outOfOffice, Date.parse('2026-08-25T10:00:00-05:00')),
    ).toBe(false);
  });

  it('find the next working moment past evenings, weekends and absences', () => {
    const lukas = repById('lukas-brandt');
    const calendar = calendarOfRep(lukas);
    const friday = Date.parse('2026-07-10T16:00:00+02:00');
    expect(nextWorkingMoment(calendar, [], friday)).toBe(Date.parse('2026-07-13T09:00:00+02:00'));
    const inHolidays = Date.parse('2026-08-10T10:00:00+02:00');
    expect(nextWorkingMoment(calendar, lukas.outOfOffice, inHolidays)).toBe(
      Date.parse('2026-08-24T09:00:00+02:00'),
    );
    const atWork = Date.parse('2026-07-14T10:15:00+02:00');
    expect(nextWorkingMoment(calendar, [], atWork)).toBe(atWork);
  });

  it('find working time within a day for every rep from any moment of the quarter', () => {
    for (const rep of REPS)
      for (let at = QUARTER.start; at <= QUARTER.end; at += 7 * HOUR) {
        const next = nextWorkingMoment(calendarOfRep(rep), [], at);
        expect(isWorking(calendarOfRep(rep), [], next)).toBe(true);
        expect(next - at).toBeLessThan(5 * DAY);
      }
  });
});
