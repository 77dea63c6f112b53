import type { LeadPatch } from './lead-record';

/** A lead known only by an anonymousId or userId: every field empty. */
export function placeholderPatch(
  leadId: string,
  anonymousId: string | undefined,
  source: string,
  occurredAt: number,
): LeadPatch {
  return {
    leadId,
    email: null,
    anonymousIds: anonymousId === undefined ? [] : [anonymousId],
    firstName: null,
    lastName: null,
    title: null,
    seniority: null,
    company: null,
    accountId: null,
    accountDomain: null,
    accountMatchedBy: null,
    accountMatchReason: null,
    employeeCount: null,
    industry: null,
    country: null,
    region: null,
    isFreeMail: null,
    isStudent: null,
    extraTraits: null,
    source,
    occurredAt,
  };
}

/**
 * Whether a call on `leadId` needs a placeholder patch: the lead is unknown (neither stored nor in
 * the batch), or the call brings an anonymousId the lead does not carry yet.
 */
export function needsPlaceholder(known: LeadPatch | undefined, anonymousId: string | undefined): boolean {
  return known === undefined || (anonymousId !== undefined && !known.anonymousIds.includes(anonymousId));
}
