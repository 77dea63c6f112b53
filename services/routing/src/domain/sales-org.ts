/** A day of the week as the working-hours documents name it (ISO order, Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local time span of one day, "HH:mm" to "HH:mm" (end exclusive, "24:00" allowed as an end). */
export type TimeSpan = { readonly from: string; readonly to: string };

/** Working hours per weekday in the calendar's own time zone; a day not listed is not worked. */
export type WeeklyHours = Partial<Record<Weekday, readonly TimeSpan[]>>;

/** Public holidays of a country (and optionally a region, date-holidays' codes) plus extra local dates. */
export type Holidays = {
  readonly country?: string;
  readonly region?: string;
  /** Local dates ("YYYY-MM-DD") not worked, in the calendar's time zone. */
  readonly dates: readonly string[];
};

/** When someone works: an IANA time zone, hours per weekday, holidays. */
export type WorkCalendar = {
  readonly timeZone: string;
  readonly workingHours: WeeklyHours;
  readonly holidays: Holidays;
};

/** An absence, [from, to) in epoch milliseconds. */
export type OutOfOffice = { readonly from: number; readonly to: number; readonly reason?: string };

export type Caps = { readonly daily?: number; readonly weekly?: number };

/**
 * A sales rep. `calendar` overrides the team's when set (a rep working from another zone);
 * `email` and `name` are the rep's (staff data), never a lead's.
 */
export type Rep = {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly teamId: string;
  readonly territories: readonly string[];
  readonly segments: readonly string[];
  /** Default relative weight in pools that do not set one. */
  readonly weight: number;
  readonly caps: Caps;
  readonly calendar?: WorkCalendar;
  readonly outOfOffice: readonly OutOfOffice[];
  readonly active: boolean;
};

export type Team = {
  readonly id: string;
  readonly name: string;
  /** The rep escalations go to. */
  readonly managerId?: string;
  readonly calendar: WorkCalendar;
};

/** A named account and the rep who owns it (lead-to-account routing). */
export type AccountOwner = {
  /** ingestion's account id, or the account's domain when the id is not known up front. */
  readonly accountKey: string;
  readonly repId: string;
  readonly segment?: string;
};

/** The whole sales org as one consistent snapshot (what a routing decision reads). */
export type SalesOrg = {
  readonly reps: ReadonlyMap<string, Rep>;
  readonly teams: ReadonlyMap<string, Team>;
  readonly accountOwners: ReadonlyMap<string, AccountOwner>;
};

/** The calendar a rep works on: their own, else their team's. */
export const calendarOf = (org: SalesOrg, rep: Rep): WorkCalendar | undefined =>
  rep.calendar ?? org.teams.get(rep.teamId)?.calendar;
