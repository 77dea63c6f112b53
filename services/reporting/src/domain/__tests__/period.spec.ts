import { parsePeriod, previousPeriod, quarterOf, trendPeriods, weekOf } from '../period';

const iso = (ms: number) => new Date(ms).toISOString();

describe('periods', () => {
  it('parses a quarter into its UTC bounds, end exclusive', () => {
    const q = parsePeriod('2026-Q4')!;
    expect([q.kind, iso(q.start), iso(q.end)]).toEqual([
      'quarter',
      '2026-10-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
  });

  it('parses a month', () => {
    const m = parsePeriod('2026-02')!;
    expect([m.kind, iso(m.start), iso(m.end)]).toEqual([
      'month',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
  });

  it('parses an ISO week from its Monday, also across a year end', () => {
    const w = parsePeriod('2026-W48')!;
    expect([w.kind, iso(w.start), iso(w.end)]).toEqual([
      'week',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ]);
    // ISO week 1 of 2026 starts on Monday 29 December 2025.
    expect(iso(parsePeriod('2026-W01')!.start)).toBe('2025-12-29T00:00:00.000Z');
    // 2026 has 53 ISO weeks, 2027 has 52.
    expect(iso(parsePeriod('2026-W53')!.start)).toBe('2026-12-28T00:00:00.000Z');
    expect(parsePeriod('2027-W53')).toBeUndefined();
  });

  it.each(['2026-Q5', '2026-13', '2026-00', '2026-W00', '26-Q1', '2026-q4', '', '2026-11-01'])(
    'refuses %p',
    (id) => {
      expect(parsePeriod(id)).toBeUndefined();
    },
  );

  it('steps back to the previous period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2026-Q1')!).id).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-01')!).id).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-W01')!).id).toBe('2025-W52');
  });

  it('gives the trend: the six periods before and the period itself, oldest first', () => {
    expect(trendPeriods(parsePeriod('2026-Q2')!).map((p) => p.id)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('finds the quarter and the ISO week of an instant', () => {
    const at = Date.UTC(2026, 10, 29, 23, 59);
    expect(quarterOf(at).id).toBe('2026-Q4');
    expect(weekOf(at).id).toBe('2026-W48');
  });
});
