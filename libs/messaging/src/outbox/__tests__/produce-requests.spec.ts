import type { OutgoingRecord } from '../../kafka/kafka-port';
import { produceRequests } from '../produce-requests';

const record = (i: number, bytes: number): OutgoingRecord => ({
  topic: 't',
  key: `k${i}`,
  value: Buffer.alloc(bytes),
  headers: { 'event-id': `e${i}` },
});

describe('produceRequests', () => {
  it('keeps the order and at most maxRecords per request', () => {
    const records = Array.from({ length: 7 }, (_, i) => record(i, 10));
    const requests = produceRequests(records, 3);
    expect(requests.map((r) => r.length)).toEqual([3, 3, 1]);
    expect(requests.flat()).toEqual(records);
  });

  it('starts a new request before the bytes would pass the bound', () => {
    // 64 events of 16 KiB for one key: one produce request would be a 1 MiB batch on one partition.
    const records = Array.from({ length: 64 }, (_, i) => record(i, 16 * 1024));
    const requests = produceRequests(records, 1_000, 256 * 1024);
    expect(requests.length).toBeGreaterThan(4);
    for (const r of requests)
      expect(r.reduce((n, x) => n + (x.value?.length ?? 0), 0)).toBeLessThanOrEqual(256 * 1024);
    expect(requests.flat()).toEqual(records);
  });

  it('sends a record bigger than the bound alone, and tombstones count their key and headers only', () => {
    const big = record(1, 2_000);
    const tombstone = { ...record(2, 0), value: null };
    expect(produceRequests([record(0, 10), big, tombstone], 10, 1_000).map((r) => r.length)).toEqual([
      1, 1, 1,
    ]);
    expect(produceRequests([tombstone, tombstone], 10, 1_000).map((r) => r.length)).toEqual([2]);
  });
});
