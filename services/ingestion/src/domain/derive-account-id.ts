import type { NormalizedDomain } from './normalize-domain';
import { uuidV5 } from '@smarketing/contracts';

/** Frozen forever: every accountId ever issued depends on it. = uuidv5(DNS, 'account.smarketing.dev'). */
export const ACCOUNT_ID_NAMESPACE = 'a4b1532d-3357-5640-9ebc-7b25a548d05d';

/** An account is a company keyed by its domain, so email and group matches land on one id. */
export function deriveAccountId(domain: NormalizedDomain): string {
  return uuidV5(domain, ACCOUNT_ID_NAMESPACE);
}
