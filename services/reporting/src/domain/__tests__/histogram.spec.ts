import fc from 'fast-check';
import { bucketOf, bucketStart, medianOf } from '../histogram';

describe('duration histogram', () => {
  it('puts a duration in the bucket whose range holds it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2_000, noNaN: true }), (h) => {
        const b = bucketOf(h);
        expect(bucketStart(b)).toBeLessThanOrEqual(h);
        expect(bucketStart(b + 1)).toBeGreaterThan(h);
      }),
    );
  });

  it('reads the median as the lower edge of the middle value’s bucket', () => {
    const counts = new Map<number, number>();
    for (const h of [1, 2, 3, 4.1, 5, 30, 200]) counts.set(bucketOf(h), (counts.get(bucketOf(h)) ?? 0) + 1);
    expect(medianOf(counts)).toBe(4);
  });

  it('has no median without values', () => {
    expect(medianOf(new Map())).toBeNull();
  });
});
