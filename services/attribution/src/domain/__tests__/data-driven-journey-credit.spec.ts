import { dataDrivenJourneyCredit } from '../data-driven-journey-credit';
import { journeyOf } from './builders';

describe('crediting one conversion with a fitted data-driven model', () => {
  const fitted = new Map([
    ['search', { credit: 6, interval: { low: 4, high: 8 } }],
    ['email', { credit: 2, interval: { low: 1, high: 3 } }],
    ['social', { credit: 0, interval: null }],
  ]);

  it('shares the conversion among its channels by fitted credit, each channel over its touches, revenue to the cent', () => {
    const c = dataDrivenJourneyCredit(
      'markov:order=1:unique',
      journeyOf(['search', 'email', 'search', 'social']),
      fitted,
      {
        amountMinor: 1_001n,
        currency: 'EUR',
      },
    );
    expect(c.credits.map((x) => [x.touchId, x.weight])).toEqual([
      ['t000', 0.375],
      ['t001', 0.25],
      ['t002', 0.375],
    ]);
    expect(c.credits.reduce((a, x) => a + (x.amountMinor ?? 0n), 0n)).toBe(1_001n);
    expect(c.touchCount).toBe(4);
  });

  it('gives each touch the interval of its weight with its channel at the bootstrap bounds', () => {
    const c = dataDrivenJourneyCredit('m', journeyOf(['search', 'email']), fitted, null);
    // search: 6 / (6 + 2); at its bounds 4 / (4 + 2) and 8 / (8 + 2).
    expect(c.credits[0]?.weight).toBeCloseTo(0.75, 12);
    expect(c.credits[0]?.interval?.low).toBeCloseTo(4 / 6, 12);
    expect(c.credits[0]?.interval?.high).toBeCloseTo(0.8, 12);
  });

  it('shares alike when the model gives none of the journey channels anything', () => {
    const c = dataDrivenJourneyCredit('m', journeyOf(['social', 'unknown']), fitted, null);
    expect(c.credits.map((x) => x.weight)).toEqual([0.5, 0.5]);
  });
});
