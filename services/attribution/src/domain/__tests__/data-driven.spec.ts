import { dataDrivenAttribution } from '../data-driven';
import { markovAttribution, MAX_STATES } from '../markov';
import { transformPath } from '../path-transform';
import { seededRandom } from '../seeded-random';
import { shapleyAttribution } from '../shapley';
import { expectClose, path } from './builders';

describe('path transforms', () => {
  const p = ['A', 'A', 'B', 'A'];
  it('unique keeps every touch', () => expect(transformPath(p, 'unique')).toEqual(['A', 'A', 'B', 'A']));
  it('exposure collapses consecutive repeats', () =>
    expect(transformPath(p, 'exposure')).toEqual(['A', 'B', 'A']));
  it('first keeps each first occurrence', () => expect(transformPath(p, 'first')).toEqual(['A', 'B']));
  it('frequency tags each channel with its count', () =>
    expect(transformPath(p, 'frequency')).toEqual(['A#3', 'B#1']));
});

describe('Markov', () => {
  it('folds frequency-tagged states back to their channel', () => {
    const r = dataDrivenAttribution([path('a>b>a', 2, 1), path('a', 1, 2)], {
      model: 'markov',
      transform: 'frequency',
    });
    expect(r.channels.map((c) => c.channel)).toEqual(['a', 'b']);
    expect(r.channels.reduce((s, c) => s + c.credit, 0)).toBeCloseTo(3, 9);
  });

  it('a second-order chain on paths without memory effects credits like the first-order one', () => {
    // Every path is a single step: order does not matter.
    const paths = [path('a', 3, 1), path('b', 1, 1)];
    expectClose(markovAttribution(paths, 2).credits, Object.fromEntries(markovAttribution(paths).credits));
  });

  it('a second-order chain tells what came before', () => {
    // b converts after a, never after c: order 2 sees it; removing a hurts more than in order 1.
    const paths = [path('a>b', 4, 0), path('c>b', 0, 4)];
    const one = markovAttribution(paths, 1).removalEffects;
    const two = markovAttribution(paths, 2).removalEffects;
    expect(two.get('c')).toBeCloseTo(0, 12);
    expect(one.get('c')).toBeGreaterThan(0);
  });

  it('refuses a chain too large to solve densely', () => {
    const many = Array.from({ length: 60 }, (_, i) => path(`c${i}>c${(i * 7) % 60}>c${(i * 13) % 60}`, 1, 1));
    expect(() => markovAttribution(many, 3)).not.toThrow();
    const huge = Array.from({ length: MAX_STATES + 1 }, (_, i) => path(`x${i}`, 1));
    expect(() => markovAttribution(huge)).toThrow('use a lower order');
  });

  it('credits nothing when nothing converted', () => {
    expectClose(markovAttribution([path('a>b', 0, 3)]).credits, { a: 0, b: 0 });
  });
});

describe('Shapley', () => {
  const paths = [path('a', 4, 2), path('a>b', 6, 1), path('b>c', 2, 5), path('c', 1, 1), path('a>b>c', 3, 0)];

  it('under the conversions value, exact values split each path equally over its channels', () => {
    const r = shapleyAttribution(paths);
    expectClose(r.credits, { a: 4 + 3 + 1, b: 3 + 1 + 1, c: 1 + 1 + 1 });
  });

  it('sampled beyond the exact limit, stays within its stated bound of the exact values', () => {
    for (const value of ['conversions', 'conversion_rate'] as const) {
      const exact = shapleyAttribution(paths, { value });
      const sampled = shapleyAttribution(paths, {
        value,
        maxExactChannels: 2,
        samples: 4_000,
        random: seededRandom(7),
      });
      expect(sampled.exact).toBe(false);
      expect(sampled.errorBound).toBeGreaterThan(0);
      for (const [c, v] of exact.values)
        expect(Math.abs((sampled.values.get(c) ?? 0) - v)).toBeLessThan(sampled.errorBound);
    }
  });

  it('under the conversion-rate value, credits still sum to the conversions', () => {
    const r = shapleyAttribution(paths, { value: 'conversion_rate' });
    expect([...r.credits.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(16, 9);
  });
});

describe('bootstrap intervals', () => {
  const paths = [path('a>b', 30, 10), path('a>c', 10, 10), path('c', 5, 20)];
  it('bracket the point estimate, and repeat exactly from the same seed', () => {
    const run = () => dataDrivenAttribution(paths, { model: 'markov' }, { replicates: 200, seed: 42 });
    const r = run();
    for (const c of r.channels) {
      expect(c.interval).not.toBeNull();
      expect(c.interval!.low).toBeLessThanOrEqual(c.credit);
      expect(c.interval!.high).toBeGreaterThanOrEqual(c.credit);
      expect(c.interval!.high).toBeGreaterThan(c.interval!.low);
    }
    expect(run()).toEqual(r);
  });
});
