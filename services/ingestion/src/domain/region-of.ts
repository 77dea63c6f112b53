import type { Region } from '@smarketing/contracts';
import { COUNTRIES } from './country-table';
import { normalizeCountry } from './normalize-country';

export type { Region };

/** Sales region of a country given as a code or an English name; 'unknown' when unreadable. */
export function regionOf(country: unknown): Region {
  const code = normalizeCountry(country);
  return code === null ? 'unknown' : (COUNTRIES.get(code)?.region ?? 'unknown');
}
