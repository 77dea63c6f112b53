import fc from 'fast-check';
import { firstSeen } from '../first-seen';

describe('first seen', () => {
  const t0 = Date.UTC(2026, 0, 1);

  it("is the event's time for a lead never seen before", () => {
    expect(firstSeen(undefined, t0)).toBe(t0);
  });

  it('moves back when an older event arrives late', () => {
    expect(firstSeen(t0, t0 - 1_000)).toBe(t0 - 1_000);
  });

  it('stays put when a newer event arrives', () => {
    expect(firstSeen(t0, t0 + 1_000)).toBe(t0);
  });

  it('does not depend on the order the events arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 42 }), { minLength: 1 }), (times) => {
        const forwards = times.reduce<number | undefined>(firstSeen, undefined);
        const backwards = [...times].reverse().reduce<number | undefined>(firstSeen, undefined);
        expect(forwards).toBe(Math.min(...times));
        expect(backwards).toBe(forwards);
      }),
    );
  });
});
