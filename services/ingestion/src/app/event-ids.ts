import { uuidV5 } from '@smarketing/contracts';
import { canonicalJson } from './canonical-json';
import type { SegmentCall } from './validation';

/** Frozen forever: every event id ingestion issues depends on it. = uuidv5(DNS, 'event.ingestion.smarketing.dev'). */
export const INGESTION_EVENT_NAMESPACE = 'e62a47ec-c8d4-5f49-b3d0-888baf0639be';

/** The event id of what a source sent under an idempotency key: the same (source, key) always gives the same id. */
export function sourceEventId(source: string, key: string): string {
  return uuidV5(`${source}\n${key}`, INGESTION_EVENT_NAMESPACE);
}

/**
 * The idempotency key of a Segment call: its messageId, else one derived from its content (every
 * validated field but `sentAt`, which a client sets anew on each attempt), so a retried call without
 * a messageId is still a duplicate. The content includes `timestamp`/`originalTimestamp` when given:
 * two identical calls without either are one call.
 */
export function segmentCallKey(call: SegmentCall): string {
  if (call.messageId !== undefined) return call.messageId;
  const { sentAt: _sentAt, ...content } = call;
  return `content:${canonicalJson(content)}`;
}

/** A second event caused by the same input (e.g. leads-merged next to lead-upserted). */
export function derivedEventId(eventId: string, role: string): string {
  return uuidV5(`${eventId}\n${role}`, INGESTION_EVENT_NAMESPACE);
}

/** Campaign id from a utm_campaign or a CRM campaign id: trimmed, lower case, spaces as dashes. */
export function campaignIdOf(name: string | null): string | null {
  if (name === null) return null;
  const id = name.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 200);
  return id.length > 0 ? id : null;
}

/** Days since the epoch of an ISO date (YYYY-MM-DD). */
export const epochDay = (isoDate: string): number =>
  Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
