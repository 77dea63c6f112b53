import { uuidV5 } from '@smarketing/contracts';

/** Frozen forever. = uuidv5(DNS, 'anonymous-lead.smarketing.dev'). Separate from leads so ids never collide. */
export const ANONYMOUS_LEAD_ID_NAMESPACE = 'f61fa7dd-6eb7-5fdf-b02a-6d805bacdfc7';

/**
 * Placeholder lead for activity seen before anyone identified themselves. The anonymousId is
 * opaque (a browser cookie), so it is used exactly as sent.
 */
export function anonymousLeadId(anonymousId: string): string {
  return uuidV5(anonymousId, ANONYMOUS_LEAD_ID_NAMESPACE);
}
