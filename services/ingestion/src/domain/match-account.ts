import { deriveAccountId } from './derive-account-id';
import { isDisposableDomain } from './is-disposable-domain';
import { isFreeMailDomain } from './is-free-mail-domain';
import { normalizeDomain, type NormalizedDomain } from './normalize-domain';
import { normalizeEmail } from './normalize-email';

export type AccountMatchInput = {
  email?: unknown;
  groupId?: string | null;
  /** Segment `group` traits; the spec's `website`, plus `domain` and `email`, name the company. */
  groupTraits?: Readonly<Record<string, unknown>> | null;
};

export type AccountMatch =
  | {
      matched: true;
      accountId: string;
      domain: NormalizedDomain;
      matchedBy: 'email_domain' | 'group_call';
      reason: string;
    }
  | { matched: false; reason: string };

const GROUP_DOMAIN_TRAITS = ['domain', 'website', 'email'] as const;

function personalDomainReason(domain: string): string | null {
  if (isFreeMailDomain(domain)) return `${domain} is a free-mail domain`;
  if (isDisposableDomain(domain)) return `${domain} is a disposable-mail domain`;
  return null;
}

function groupDomain(
  traits: Readonly<Record<string, unknown>>,
): { trait: string; domain: NormalizedDomain } | null {
  for (const trait of GROUP_DOMAIN_TRAITS) {
    const domain = normalizeDomain(traits[trait]);
    if (domain !== null) return { trait, domain };
  }
  return null;
}

/**
 * Which account (company) a lead belongs to, with the reason in words. An explicit `group` call
 * naming a company domain wins over the email domain, because the customer's own app said so.
 * Accounts are keyed by domain only, so a group call without a usable domain does not match:
 * an id derived from a groupId would split one company into two accounts.
 */
export function matchAccount(input: AccountMatchInput): AccountMatch {
  const reasons: string[] = [];
  if (input.groupId !== undefined && input.groupId !== null) {
    const found = groupDomain(input.groupTraits ?? {});
    if (found === null) {
      reasons.push(`group call ${input.groupId} has no usable domain, website or email trait`);
    } else {
      const personal = personalDomainReason(found.domain);
      if (personal === null) {
        return {
          matched: true,
          accountId: deriveAccountId(found.domain),
          domain: found.domain,
          matchedBy: 'group_call',
          reason: `group call ${input.groupId} with ${found.trait} ${found.domain}`,
        };
      }
      reasons.push(`group call ${input.groupId}: ${personal}`);
    }
  }
  if (input.email !== undefined && input.email !== null) {
    const email = normalizeEmail(input.email);
    if (!email.ok) {
      reasons.push(email.reason);
    } else {
      const domain = normalizeDomain(email.domain);
      const personal =
        domain === null ? `${email.domain} is not a company domain` : personalDomainReason(domain);
      if (domain !== null && personal === null) {
        return {
          matched: true,
          accountId: deriveAccountId(domain),
          domain,
          matchedBy: 'email_domain',
          reason: `corporate email domain ${domain}`,
        };
      }
      reasons.push(personal ?? `${email.domain} is not a company domain`);
    }
  }
  return { matched: false, reason: reasons.length > 0 ? reasons.join('; ') : 'no email and no group call' };
}
