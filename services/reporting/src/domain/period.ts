import { DateTime } from 'luxon';

/** A reporting period: UTC bounds (epoch ms, end exclusive) of a quarter, a month or an ISO week. */
export type Period = {
  readonly id: string;
  readonly kind: 'quarter' | 'month' | 'week';
  readonly start: number;
  readonly end: number;
};

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

const utc = (y: number, m: number) => DateTime.utc(y, m, 1);

const build = (kind: Period['kind'], start: DateTime): Period => {
  switch (kind) {
    case 'quarter':
      return {
        id: `${start.year}-Q${start.quarter}`,
        kind,
        start: start.toMillis(),
        end: start.plus({ months: 3 }).toMillis(),
      };
    case 'month':
      return {
        id: start.toFormat('yyyy-MM'),
        kind,
        start: start.toMillis(),
        end: start.plus({ months: 1 }).toMillis(),
      };
    case 'week':
      return {
        id: `${start.weekYear}-W${String(start.weekNumber).padStart(2, '0')}`,
        kind,
        start: start.toMillis(),
        end: start.plus({ weeks: 1 }).toMillis(),
      };
    default: {
      const never: never = kind;
      throw new Error(`unknown period kind ${String(never)}`);
    }
  }
};

/** `2026-Q4`, `2026-11` or `2026-W48` (ISO week, Monday first) in UTC; undefined when it does not parse. */
export function parsePeriod(id: string): Period | undefined {
  const q = QUARTER.exec(id);
  if (q) return build('quarter', utc(Number(q[1]), (Number(q[2]) - 1) * 3 + 1));
  const m = MONTH.exec(id);
  if (m) return build('month', utc(Number(m[1]), Number(m[2])));
  const w = WEEK.exec(id);
  if (w) {
    const start = DateTime.fromObject(
      { weekYear: Number(w[1]), weekNumber: Number(w[2]), weekday: 1 },
      { zone: 'utc' },
    );
    // luxon rolls week 53 of a 52-week year into the next year: that id does not exist.
    if (!start.isValid || start.weekYear !== Number(w[1]) || start.weekNumber !== Number(w[2]))
      return undefined;
    return build('week', start);
  }
  return undefined;
}

const shift = (p: Period, n: number): Period => {
  const start = DateTime.fromMillis(p.start, { zone: 'utc' });
  switch (p.kind) {
    case 'quarter':
      return build('quarter', start.plus({ months: 3 * n }));
    case 'month':
      return build('month', start.plus({ months: n }));
    case 'week':
      return build('week', start.plus({ weeks: n }));
    default: {
      const never: never = p.kind;
      throw new Error(`unknown period kind ${String(never)}`);
    }
  }
};

/** The period just before `p`, of the same kind. */
export const previousPeriod = (p: Period): Period => shift(p, -1);

/** The `count` periods before `p` and `p` itself, oldest first: a metric's trend. */
export const trendPeriods = (p: Period, count = 6): Period[] =>
  Array.from({ length: count + 1 }, (_, i) => shift(p, i - count));

/** The quarter an instant falls in. */
export const quarterOf = (at: number): Period =>
  build('quarter', DateTime.fromMillis(at, { zone: 'utc' }).startOf('quarter'));

/** The ISO week an instant falls in. */
export const weekOf = (at: number): Period =>
  build('week', DateTime.fromMillis(at, { zone: 'utc' }).startOf('week'));

/** The month an instant falls in. */
export const monthOf = (at: number): Period =>
  build('month', DateTime.fromMillis(at, { zone: 'utc' }).startOf('month'));
