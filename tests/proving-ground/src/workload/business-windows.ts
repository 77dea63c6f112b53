import { DAY, HOUR, QUARTER, isoDate } from './quarter';
import { intBetween, type Random } from './random';
import { REPS, TEAMS, calendarOfRep, type Region } from './sales-org';

/**
 * Hours (UTC, 2026-Q3) in which every rep a region's leads may be routed to works, Berlin's lunch
 * break and Friday afternoon aside: EMEA 10:00-16:30 Berlin (09:00 London), the Americas 11:00-16:00
 * New York (08:00 Los Angeles, 12:00 São Paulo), APAC 09:00-15:00 Singapore (11:00 Sydney). Leads convert in these
 * hours, so that their MQL finds the named account's owner at work and touches come in office time.
 */
const WINDOWS: Readonly<Record<Region, readonly [number, number]>> = {
  EMEA: [8, 14.5],
  NA: [15, 20],
  LATAM: [15, 20],
  APAC: [1, 7],
};

/** Local dates that are a public holiday for any team or rep: no lead converts then. */
const QUIET_DAYS: ReadonlySet<string> = new Set(
  [...TEAMS.map((t) => t.calendar), ...REPS.map(calendarOfRep)].flatMap((c) => c.quarterHolidays),
);

const isWeekend = (at: number): boolean => {
  const day = new Date(at).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * The start of a converting session (identify, engagement, maybe a demo request) at or after
 * `after`, on a working day in the region's window, leaving `length` ms before the window closes.
 * null when the quarter ends first.
 */
export function sessionStart(
  random: Random,
  region: Region | null,
  after: number,
  length: number,
): number | null {
  const [from, to] = WINDOWS[region ?? 'NA'];
  for (let day = Math.floor(after / DAY) * DAY; day <= QUARTER.end; day += DAY) {
    if (isWeekend(day) || QUIET_DAYS.has(isoDate(day))) continue;
    const earliest = Math.max(day + from * HOUR, after);
    const latest = day + to * HOUR - length;
    if (earliest > latest) continue;
    const start = intBetween(random, earliest, latest);
    return start + length <= QUARTER.end ? start : null;
  }
  return null;
}
