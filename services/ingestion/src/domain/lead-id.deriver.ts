import type { NormalizedEmail } from './email.normalizer';
import { uuidV5 } from './uuid-v5.util';

/** Frozen forever: every leadId ever issued depends on it. = uuidv5(DNS, 'lead.smarketing.dev'). */
export const LEAD_ID_NAMESPACE = 'e5af4bc8-fbc3-5795-93f5-b553ae9faed6';

/** The same person always gets the same leadId, on every replica and after replays. */
export function deriveLeadId(email: NormalizedEmail): string {
  return uuidV5(email, LEAD_ID_NAMESPACE);
}
