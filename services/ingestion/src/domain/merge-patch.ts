import type { LeadPatch } from './lead-record';

/**
 * Folds a later patch over an earlier one with the same rules as the store's upsert: a present
 * field wins, an absent one (null) keeps the earlier value, anonymous ids accumulate, and a
 * group-call account is not replaced by a later email-domain match.
 */
export function mergePatch(a: LeadPatch, b: LeadPatch): LeadPatch {
  const keepAccount =
    b.accountId === null || (a.accountMatchedBy === 'group_call' && b.accountMatchedBy === 'email_domain');
  const pick = <K extends keyof LeadPatch>(k: K): LeadPatch[K] => (b[k] ?? a[k]) as LeadPatch[K];
  return {
    leadId: a.leadId,
    email: pick('email'),
    anonymousIds: [...new Set([...a.anonymousIds, ...b.anonymousIds])],
    firstName: pick('firstName'),
    lastName: pick('lastName'),
    title: pick('title'),
    seniority: pick('seniority'),
    company: pick('company'),
    accountId: keepAccount ? a.accountId : b.accountId,
    accountDomain: keepAccount ? a.accountDomain : b.accountDomain,
    accountMatchedBy: keepAccount ? a.accountMatchedBy : b.accountMatchedBy,
    accountMatchReason: keepAccount
      ? a.accountId === null
        ? (b.accountMatchReason ?? a.accountMatchReason)
        : a.accountMatchReason
      : b.accountMatchReason,
    employeeCount: pick('employeeCount'),
    industry: pick('industry'),
    country: pick('country'),
    region: pick('region'),
    isFreeMail: pick('isFreeMail'),
    isStudent: pick('isStudent'),
    extraTraits: pick('extraTraits'),
    source: b.source,
    occurredAt: Math.max(a.occurredAt, b.occurredAt),
  };
}
