import fc from 'fast-check';
import { addTouchpoints, mergeHistories, toTouchpoints, TOUCHPOINT_RETENTION } from '../touchpoint-history';

describe('touchpoint history', () => {
  it('keeps a redelivered touchpoint once', () => {
    const t = { touchpointId: 't1', type: 'demo_request' as const, occurredAt: 10 };
    expect(toTouchpoints(addTouchpoints(addTouchpoints({}, [t]), [t]))).toEqual([t]);
  });

  it('keeps only the newest touchpoints per type, whatever the arrival order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 300 }),
        (times) => {
          const touchpoints = times.map((occurredAt, i) => ({
            touchpointId: `t${i}`,
            type: 'page_view' as const,
            occurredAt,
          }));
          const forward = addTouchpoints({}, touchpoints);
          const oneByOne = [...touchpoints].reverse().reduce((h, t) => addTouchpoints(h, [t]), {});
          const kept = forward.page_view ?? [];
          expect(kept).toHaveLength(Math.min(times.length, TOUCHPOINT_RETENTION));
          expect(kept.map(([at]) => at)).toEqual(
            [...times].sort((a, b) => b - a).slice(0, TOUCHPOINT_RETENTION),
          );
          expect(oneByOne).toEqual(forward);
        },
      ),
    );
  });

  it('merges two histories into the union of their touchpoints', () => {
    const a = addTouchpoints({}, [{ touchpointId: 'a', type: 'page_view', occurredAt: 1 }]);
    const b = addTouchpoints({}, [{ touchpointId: 'b', type: 'demo_request', occurredAt: 2 }]);
    expect(mergeHistories(a, b)).toEqual({ page_view: [[1, 'a']], demo_request: [[2, 'b']] });
  });
});
