// The fixed quarter every workload lies in, so two runs of one seed are the same traffic.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** 2026-Q3: 2026-07-01T00:00Z .. 2026-09-30T23:59Z, both included. */
export const QUARTER = { start: Date.UTC(2026, 6, 1), end: Date.UTC(2026, 8, 30, 23, 59) } as const;

export const MONTHS = [
  { key: '2026-07', first: '2026-07-01', last: '2026-07-31' },
  { key: '2026-08', first: '2026-08-01', last: '2026-08-31' },
  { key: '2026-09', first: '2026-09-01', last: '2026-09-30' },
] as const;

export type Month = (typeof MONTHS)[number];

export const inQuarter = (at: number): boolean => at >= QUARTER.start && at <= QUARTER.end;

export const iso = (at: number): string => new Date(at).toISOString();

/** The UTC date of a moment, "YYYY-MM-DD". */
export const isoDate = (at: number): string => iso(at).slice(0, 10);
