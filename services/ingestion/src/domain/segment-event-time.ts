export type TimeInput = string | number | Date;

export type SegmentTimes = {
  timestamp?: TimeInput | null;
  originalTimestamp?: TimeInput | null;
  sentAt?: TimeInput | null;
  /** When our server received the call: passed in, never read from a clock here. */
  receivedAt: number | Date;
};

function toEpochMs(value: TimeInput | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms =
    typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Event time in epoch ms, by Segment's rule: an explicit `timestamp` wins; otherwise the
 * device's `originalTimestamp` shifted by the device clock's skew, measured as the gap between
 * its `sentAt` and our `receivedAt`; otherwise `originalTimestamp` as is; otherwise `receivedAt`.
 * Unparseable values count as absent.
 */
export function segmentEventTime(times: SegmentTimes): number {
  const receivedAt = typeof times.receivedAt === 'number' ? times.receivedAt : times.receivedAt.getTime();
  const timestamp = toEpochMs(times.timestamp);
  if (timestamp !== null) return timestamp;
  const originalTimestamp = toEpochMs(times.originalTimestamp);
  const sentAt = toEpochMs(times.sentAt);
  if (originalTimestamp !== null && sentAt !== null) return receivedAt - (sentAt - originalTimestamp);
  if (originalTimestamp !== null) return originalTimestamp;
  return receivedAt;
}
