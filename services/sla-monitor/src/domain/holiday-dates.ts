import Holidays from 'date-holidays';
import type { HolidayRegion } from './business-calendar';

const cache = new Map<string, ReadonlySet<string>>();

/**
 * The local dates ("YYYY-MM-DD") of one region's holidays in one year, from date-holidays (its rule
 * set is data, not code: deterministic for a given package version). A holiday counts as a whole
 * day off; part-day holidays (e.g. an afternoon off) are not modelled. Cached per region and year.
 */
export const holidayDates = (region: HolidayRegion, year: number): ReadonlySet<string> => {
  const types = region.types ?? ['public'];
  const key = `${region.country}/${region.state ?? ''}/${types.join('+')}/${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hd = region.state ? new Holidays(region.country, region.state) : new Holidays(region.country);
  const dates = new Set(
    hd
      .getHolidays(year)
      .filter((h) => types.includes(h.type))
      .map((h) => h.date.slice(0, 10)),
  );
  cache.set(key, dates);
  return dates;
};

/** Whether date-holidays knows the country (and state). */
export const isKnownHolidayRegion = (country: string, state?: string): boolean => {
  const hd = new Holidays();
  const countries = hd.getCountries() as Record<string, string> | undefined;
  if (!countries || !(country in countries)) return false;
  if (state === undefined) return true;
  const states = hd.getStates(country) as Record<string, string> | undefined;
  return states !== undefined && state in states;
};
