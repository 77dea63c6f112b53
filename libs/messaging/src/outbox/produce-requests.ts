import type { OutgoingRecord } from '../kafka/kafka-port';

/**
 * Bytes one produce request may carry. The broker refuses a partition's record batch above its
 * `message.max.bytes` (1 MiB by default; MESSAGE_TOO_LARGE, not retriable), and one request may put
 * every record on the same partition (records of one key), so a request stays well under it.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** What a record adds to a request besides its key and value: headers and record framing, roughly. */
const sizeOf = (r: OutgoingRecord): number => {
  let headers = 0;
  for (const [k, v] of Object.entries(r.headers)) headers += k.length + v.length + 4;
  return (r.key?.length ?? 0) + (r.value?.length ?? 0) + headers + 32;
};

/**
 * Splits records, in order, into produce requests of at most `maxRecords` records and about
 * `maxBytes` bytes each; a record bigger than `maxBytes` goes alone (the broker decides about it).
 */
export function produceRequests(
  records: readonly OutgoingRecord[],
  maxRecords: number,
  maxBytes = MAX_REQUEST_BYTES,
): OutgoingRecord[][] {
  const requests: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    const size = sizeOf(r);
    if (current.length && (current.length >= maxRecords || bytes + size > maxBytes)) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length) requests.push(current);
  return requests;
}
