import { DateTime } from 'luxon';

/** The local day ("2026-12-03") and ISO week ("2026-W49") of a moment in a zone: what caps count in. */
export const dayAndWeekKeys = (at: number, timeZone: string): { day: string; week: string } => {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  return { day: local.toISODate() ?? '', week: local.toFormat("kkkk-'W'WW") };
};

/** The count period of a count-based pool, in its zone. */
export const periodKeyOf = (
  at: number,
  timeZone: string,
  period: 'day' | 'week' | 'month' | 'all',
): string => {
  if (period === 'all') return 'all';
  const local = DateTime.fromMillis(at, { zone: timeZone });
  switch (period) {
    case 'day':
      return local.toISODate() ?? '';
    case 'week':
      return local.toFormat("kkkk-'W'WW");
    case 'month':
      return local.toFormat('yyyy-MM');
    default: {
      const never: never = period;
      return never;
    }
  }
};

/** The start of the next local day after `at`: when a daily cap resets. */
export const nextLocalDayStart = (at: number, timeZone: string): number =>
  DateTime.fromMillis(at, { zone: timeZone }).startOf('day').plus({ days: 1 }).toMillis();

/** The start of the next ISO week after `at`: when a weekly cap resets. */
export const nextLocalWeekStart = (at: number, timeZone: string): number =>
  DateTime.fromMillis(at, { zone: timeZone }).startOf('week').plus({ weeks: 1 }).toMillis();
