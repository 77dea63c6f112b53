import fc from 'fast-check';
import { creditJourney } from '../credit-journey';
import type { Journey, Touch } from '../journey';
import { journeyOf } from '../journey-of';
import { markovAttribution } from '../markov';
import { STANDARD_MODEL_SPECS, ruleModel, type ModelSpec } from '../model-catalog';
import type { Path } from '../path';
import { isConserving } from '../rule-model';
import { shapleyAttribution } from '../shapley';
import { HOUR, T0 } from './builders';

const CHANNELS = ['search', 'email', 'social', 'direct', 'events'];
const SPECS: ModelSpec[] = [
  ...STANDARD_MODEL_SPECS,
  { family: 'custom', name: 'c', shares: { first: 10, opportunity_creation: 50, rest: 40 } },
];

const touchArb = fc.record({
  id: fc.uuid(),
  at: fc.integer({ min: 0, max: 200 }).map((h) => T0 + h * HOUR),
  channel: fc.constantFrom(...CHANNELS),
  kind: fc.constantFrom<Touch['kind']>('touchpoint', 'touchpoint', 'sales_activity'),
});
const journeyArb = fc
  .record({
    touches: fc.array(touchArb, { minLength: 1, maxLength: 12 }),
    lc: fc.option(fc.integer({ min: -10, max: 210 }), { nil: null }),
    oc: fc.option(fc.integer({ min: -10, max: 210 }), { nil: null }),
    won: fc.option(fc.integer({ min: -10, max: 210 }), { nil: null }),
  })
  .map(({ touches, lc, oc, won }): Journey => {
    const h = (x: number | null) => (x === null ? null : T0 + x * HOUR);
    return journeyOf(
      touches.map((t) => ({ ...t, leadId: 'l', campaignId: null })),
      T0 + 201 * HOUR,
      { leadCreatedAt: h(lc), opportunityCreatedAt: h(oc), wonAt: h(won) },
      { lookbackDays: 365 },
      'with_sales',
    );
  });
// Both paths of largestRemainder: doubles below 2^40 minor units, bigint above.
const revenueArb = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 2n ** 62n }));

describe('properties of the rule models', () => {
  it('credits sum to one conversion and to the revenue to the minor unit, for every conserving model', () => {
    fc.assert(
      fc.property(journeyArb, revenueArb, (journey, amountMinor) => {
        for (const spec of SPECS) {
          const model = ruleModel(spec);
          if (!isConserving(model)) continue;
          const { credits } = creditJourney(model, journey, { amountMinor, currency: 'EUR' });
          expect(credits.reduce((a, c) => a + c.weight, 0)).toBeCloseTo(1, 9);
          expect(credits.reduce((a, c) => a + (c.amountMinor ?? 0n), 0n)).toBe(amountMinor);
          for (const c of credits) expect(c.weight).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('a model gives the same credits whatever order the touches arrived in', () => {
    fc.assert(
      fc.property(journeyArb, fc.integer(), revenueArb, (journey, seed, amountMinor) => {
        const shuffled = fc.sample(
          fc.shuffledSubarray([...journey.touches], { minLength: journey.touches.length }),
          {
            seed,
            numRuns: 1,
          },
        )[0] as Touch[];
        const again = journeyOf(
          shuffled,
          journey.convertedAt,
          journey.milestones,
          { lookbackDays: 365 },
          'with_sales',
        );
        for (const spec of SPECS) {
          const model = ruleModel(spec);
          const revenue = { amountMinor, currency: 'EUR' };
          expect(creditJourney(model, again, revenue)).toEqual(creditJourney(model, journey, revenue));
        }
      }),
    );
  });
});

const pathArb = fc.record({
  channels: fc.array(fc.constantFrom(...CHANNELS.slice(0, 4)), { minLength: 1, maxLength: 6 }),
  conversions: fc.integer({ min: 0, max: 5 }),
  nulls: fc.integer({ min: 0, max: 5 }),
});
const pathsArb = fc.array(pathArb, { minLength: 1, maxLength: 15 });
const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const conversions = (ps: readonly Path[]) => ps.reduce((a, p) => a + p.conversions, 0);

describe('properties of the data-driven models', () => {
  const models: [string, (ps: readonly Path[]) => ReadonlyMap<string, number>][] = [
    ['markov', (ps) => markovAttribution(ps).credits],
    ['markov order 2', (ps) => markovAttribution(ps, 2).credits],
    ['shapley', (ps) => shapleyAttribution(ps).credits],
  ];

  it.each(models)('%s: credits sum to the conversions', (_, refit) => {
    fc.assert(
      fc.property(pathsArb, (paths) => {
        expect(total(refit(paths))).toBeCloseTo(conversions(paths), 6);
      }),
    );
  });

  it.each(models)('%s: permuting the journeys changes nothing', (_, refit) => {
    fc.assert(
      fc.property(pathsArb, (paths) => {
        const a = refit(paths);
        const b = refit([...paths].reverse());
        for (const [c, v] of a) expect(b.get(c)).toBeCloseTo(v, 9);
      }),
    );
  });

  it.each(models)('%s: removing a channel that never appears changes nothing', (_, refit) => {
    fc.assert(
      fc.property(pathsArb, fc.integer({ min: 1, max: 4 }), (paths, n) => {
        // "ghost" is in the data only on paths no journey took (no conversions, no nulls).
        const ghost = { channels: Array.from({ length: n }, () => 'ghost'), conversions: 0, nulls: 0 };
        const withGhost = [...paths, ghost, { ...ghost, channels: ['ghost', 'email'] }];
        const a = refit(withGhost);
        const b = refit(paths);
        expect(a.get('ghost') ?? 0).toBe(0);
        for (const [c, v] of b) expect(a.get(c)).toBeCloseTo(v, 9);
      }),
    );
  });
});

describe('properties of the rule models over many journeys', () => {
  it('permuting journeys does not change the totals per channel', () => {
    fc.assert(
      fc.property(fc.array(journeyArb, { minLength: 1, maxLength: 8 }), (journeys) => {
        for (const spec of SPECS) {
          const model = ruleModel(spec);
          const totals = (js: readonly Journey[]) => {
            const out = new Map<string, number>();
            for (const j of js)
              for (const c of creditJourney(model, j, null).credits)
                out.set(c.channel, (out.get(c.channel) ?? 0) + c.weight);
            return out;
          };
          const a = totals(journeys);
          const b = totals([...journeys].reverse());
          for (const [c, v] of a) expect(b.get(c)).toBeCloseTo(v, 9);
        }
      }),
    );
  });

  it('adding journeys of a channel never seen before changes no credit of the others', () => {
    fc.assert(
      fc.property(fc.array(journeyArb, { minLength: 1, maxLength: 6 }), (journeys) => {
        for (const spec of SPECS) {
          const model = ruleModel(spec);
          for (const j of journeys) {
            const before = creditJourney(model, j, null).credits;
            // A report over a catalogue holding an unused channel: its credits are the journey's own.
            const byChannel = new Map([...CHANNELS, 'ghost'].map((c) => [c, 0]));
            for (const c of before) byChannel.set(c.channel, (byChannel.get(c.channel) ?? 0) + c.weight);
            expect(byChannel.get('ghost')).toBe(0);
            expect([...byChannel.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(
              before.reduce((a, c) => a + c.weight, 0),
              12,
            );
          }
        }
      }),
    );
  });
});
