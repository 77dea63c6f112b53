import fc from 'fast-check';
import { gini } from '../gini';

describe('the Gini coefficient of a distribution', () => {
  it('is 0 for an even one, empty or all-zero', () => {
    expect(gini([5, 5, 5, 5])).toBeCloseTo(0);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });

  it('is (n-1)/n when one takes everything', () => {
    expect(gini([0, 0, 0, 12])).toBeCloseTo(3 / 4);
  });

  it('matches the mean absolute difference definition', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const n = xs.length;
        const total = xs.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        let sum = 0;
        for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
        expect(gini(xs)).toBeCloseTo(sum / (2 * n * total), 9);
      }),
    );
  });
});
