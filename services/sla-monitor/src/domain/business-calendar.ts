/** The days of the week, Monday first (luxon's weekday 1..7). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Working hours of one weekday in local time, "HH:MM" from inclusive, to exclusive ("24:00": midnight). */
export type WorkingHours = { readonly from: string; readonly to: string };

/** Public holidays of a country (and optionally a state or region, ISO 3166-2 suffix), via date-holidays. */
export type HolidayRegion = {
  readonly country: string;
  readonly state?: string;
  /** date-holidays types that count as days off; default ["public"]. */
  readonly types?: readonly string[];
};

/**
 * A business calendar (a versioned document, owned here): working hours per weekday in one IANA
 * time zone, and days off (a country's public holidays and/or explicit local dates).
 */
export type BusinessCalendar = {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly timeZone: string;
  readonly week: Readonly<Partial<Record<Weekday, readonly WorkingHours[]>>>;
  readonly holidays: {
    readonly regions: readonly HolidayRegion[];
    /** Extra days off, local dates "YYYY-MM-DD". */
    readonly dates: readonly string[];
    /** Days that are working days even if a holiday region says otherwise. */
    readonly workingDates: readonly string[];
  };
  /** Which teams or regions this calendar is for (policy without a calendar: most specific match). */
  readonly appliesTo: { readonly teams: readonly string[]; readonly regions: readonly string[] };
};
