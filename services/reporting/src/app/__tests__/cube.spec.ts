import fc from 'fast-check';
import type { Contribution } from '../../domain/contributions';
import { cubeTotals } from '../../domain/cube';
import { agingOf, channelsOf, funnelOf, qualityOf } from '../../domain/dashboard-tables';
import { METRICS_CATALOG, type MetricInputs } from '../../domain/metrics-catalog';
import type { RollupRow } from '../../domain/rollup';
import type { RollupFilters } from '../ports/rollup-store.port';
import { MemoryRollup } from './memory-tx';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const METRICS = [
  'stage.lead',
  'stage.sql',
  'stage.customer',
  'pipeline',
  'spend',
  'attributed',
  'won',
  'response.wall',
  'response.wall.hist',
  'quality.leads',
  'quality.sql',
  'mql.unworked',
  'sla.response.met',
  'disposition',
];
const DIMS = ['segment', 'region', 'channel', 'team'] as const;
// '*' among the values: spend has no segment, SLA records no channel; such counters pass every filter.
const value = fc.constantFrom('x', 'y', '*');

const contribution: fc.Arbitrary<Contribution> = fc.record({
  metric: fc.constantFrom(...METRICS),
  day: fc.integer({ min: 0, max: 20 }).map((d) => T0 + d * DAY),
  dims: fc.record({ segment: value, region: value, channel: value, team: value }),
  detail: fc.constantFrom('', 'a', 'b', 'band:hot', 'decile:90-100', '3', '7'),
  // Whole numbers: sums in another order are then exactly equal; negatives are a batch's deltas.
  sum: fc.integer({ min: -5, max: 50 }),
  count: fc.integer({ min: -1, max: 3 }),
});

/** Every filter shape: each subset of the dimensions, with the values drawn. */
const shapes = (values: readonly string[]): RollupFilters[] =>
  Array.from({ length: 16 }, (_, mask) =>
    Object.fromEntries(DIMS.flatMap((d, i) => (mask & (1 << i) ? [[d, values[i]!]] : []))),
  );

const sorted = (rows: readonly RollupRow[]) =>
  [...rows].sort((a, b) =>
    [a.metric, a.channel, a.team, a.detail, a.day].join('|') <
    [b.metric, b.channel, b.team, b.detail, b.day].join('|')
      ? -1
      : 1,
  );

const inputs = (rows: readonly RollupRow[]): MetricInputs => ({
  rows,
  minorPerUnit: 100,
  customerLifeMonths: 36,
  volume: { target: 0, actual: 0, accepted: 0 },
  tier1: { accounts: 0, withMql: 0, withOpportunity: 0 },
  targets: new Map([['won-revenue', 1_000]]),
});

describe('formula cube', () => {
  it('gives the detailed roll-up’s totals, channel table and formulas for every filter shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contribution, { maxLength: 60 }),
        fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.constantFrom('x', 'y', 'z')),
        fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.constantFrom('x', 'y', 'z')),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 14 }),
        async (contributions, [s, r], [c, t], from, days) => {
          const rollup = new MemoryRollup();
          // Two batches: the cube sums onto what it holds, as the detailed counters do.
          await rollup.add(contributions.slice(0, contributions.length >> 1));
          await rollup.add(contributions.slice(contributions.length >> 1));
          const start = T0 + from * DAY;
          const end = start + days * DAY;
          for (const f of shapes([s, r, c, t])) {
            const detailed = await rollup.sum(start, end, f);
            const totals = await rollup.totals(start, end, f);
            expect(sorted(totals)).toEqual(sorted(cubeTotals(detailed)));
            const channels = await rollup.byChannel(start, end, f);
            expect(channelsOf(channels, 100)).toEqual(channelsOf(detailed, 100));
            expect(funnelOf(totals)).toEqual(funnelOf(detailed));
            expect(qualityOf(totals, 'band')).toEqual(qualityOf(detailed, 'band'));
            expect(qualityOf(totals, 'decile')).toEqual(qualityOf(detailed, 'decile'));
            expect(agingOf(totals, end)).toEqual(agingOf(detailed, end));
            for (const m of METRICS_CATALOG)
              expect([m.id, m.formula(inputs(totals))]).toEqual([m.id, m.formula(inputs(detailed))]);
          }
        },
      ),
    );
  });

  it('keeps no unbounded detail: per metric one row per bucket, whatever the reps or reasons', async () => {
    const rollup = new MemoryRollup();
    const dims = { segment: 'x', region: 'x', channel: 'x', team: 'x' };
    await rollup.add(
      ['rep-1', 'rep-2', 'rep-3'].map((detail) => ({
        metric: 'sla.response.met',
        day: T0,
        dims,
        detail,
        sum: 1,
        count: 1,
      })),
    );
    expect(await rollup.totals(T0, T0 + DAY, { segment: 'x' })).toEqual([
      { metric: 'sla.response.met', channel: '*', team: '*', detail: '', day: null, sum: 3, count: 3 },
    ]);
    expect(await rollup.sum(T0, T0 + DAY, { segment: 'x' })).toHaveLength(3);
  });
});
