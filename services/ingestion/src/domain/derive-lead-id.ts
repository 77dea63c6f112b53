import { LEAD_ID_NAMESPACE, leadIdForNormalizedEmail } from '@smarketing/contracts';
import type { NormalizedEmail } from './normalize-email';

export { LEAD_ID_NAMESPACE };

/** The same person always gets the same leadId, on every replica and after replays. */
export function deriveLeadId(email: NormalizedEmail): string {
  return leadIdForNormalizedEmail(email);
}
