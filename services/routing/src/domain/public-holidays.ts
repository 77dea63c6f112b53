import Holidays from 'date-holidays';
import type { PublicHolidayLookup } from './availability';
import type { Holidays as HolidaySetting } from './sales-org';

/**
 * Public holidays from date-holidays (a well-kept data set of countries and their regions), as
 * local dates of type "public" (bank, school and observance days are worked). One set per
 * country, region and year, computed once: routing asks on every candidate it considers.
 */
export function datePublicHolidays(): PublicHolidayLookup {
  const years = new Map<string, ReadonlySet<string>>();
  return (setting: HolidaySetting, localDate: string) => {
    if (setting.country === undefined) return false;
    const year = Number(localDate.slice(0, 4));
    const key = `${setting.country}/${setting.region ?? ''}/${year}`;
    let dates = years.get(key);
    if (dates === undefined) {
      const hd = setting.region
        ? new Holidays(setting.country, setting.region)
        : new Holidays(setting.country);
      dates = new Set(
        (hd.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)),
      );
      years.set(key, dates);
    }
    return dates.has(localDate);
  };
}

/** Whether date-holidays knows the country (and region): what the org documents are checked against. */
export function knownHolidayRegion(country: string, region?: string): boolean {
  const hd = new Holidays();
  const countries = hd.getCountries() as Record<string, string>;
  if (!(country in countries)) return false;
  if (region === undefined) return true;
  const regions = (hd.getStates(country) ?? {}) as Record<string, string>;
  return region in regions;
}
