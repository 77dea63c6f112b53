import { segmentCallKey } from '../event-ids';
import { parseSegmentBatch, parseTrackCall, type SegmentCall } from '../validation';

const parsed = (body: Record<string, unknown>): SegmentCall => {
  const result = parseTrackCall(body);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
const call = (fields: Record<string, unknown> = {}) => ({
  anonymousId: 'anon-1',
  event: 'Pricing Viewed',
  properties: { plan: 'pro', seats: 5 },
  timestamp: '2025-03-01T10:00:00Z',
  ...fields,
});

describe('the idempotency key of a Segment call', () => {
  it('is the messageId when there is one', () => {
    expect(segmentCallKey(parsed(call({ messageId: 'ajs-1' })))).toBe('ajs-1');
  });

  it('without a messageId, is the same for a retry of the call: other key order, other sentAt, batch or single', () => {
    const key = segmentCallKey(parsed(call({ sentAt: '2025-03-01T10:00:01Z' })));
    const retried = parsed({
      sentAt: '2025-03-01T10:00:31Z',
      timestamp: '2025-03-01T10:00:00Z',
      properties: { seats: 5, plan: 'pro' },
      event: 'Pricing Viewed',
      anonymousId: 'anon-1',
    });
    expect(segmentCallKey(retried)).toBe(key);
    const batch = parseSegmentBatch({
      sentAt: '2025-03-01T10:01:00Z',
      batch: [{ type: 'track', ...call() }],
    });
    if (!batch.ok) throw new Error(JSON.stringify(batch.errors));
    expect(segmentCallKey(batch.value.batch[0] as SegmentCall)).toBe(key);
  });

  it.each<[string, Record<string, unknown>]>([
    ['another person', { anonymousId: 'anon-2' }],
    ['a userId too', { userId: 'u-1' }],
    ['another time', { timestamp: '2025-03-01T10:00:01Z' }],
    ['another event', { event: 'Demo Requested' }],
    ['other properties', { properties: { plan: 'team', seats: 5 } }],
    ['another page in its context', { context: { page: { url: 'https://acme.com/pricing' } } }],
  ])('without a messageId, differs for %s', (_case, fields) => {
    expect(segmentCallKey(parsed(call(fields)))).not.toBe(segmentCallKey(parsed(call())));
  });

  it('without a messageId or a timestamp, is the same for two identical calls (they are one call)', () => {
    const untimed = call({ timestamp: undefined });
    expect(segmentCallKey(parsed(untimed))).toBe(segmentCallKey(parsed({ ...untimed })));
    expect(segmentCallKey(parsed(untimed))).not.toBe(segmentCallKey(parsed(call())));
  });
});
