import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from a name, so that what is derived from the same facts gets
 * the same id: a record from its assignment and kind, a status event from its record and sequence.
 */
export const uuidFrom = (name: string): string => {
  const h = createHash('sha1').update(`smarketing/sla-monitor/${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export const recordIdFor = (assignmentId: string, kind: string): string =>
  uuidFrom(`record/${assignmentId}/${kind}`);
export const statusEventIdFor = (recordId: string, sequence: number): string =>
  uuidFrom(`status/${recordId}/${sequence}`);
