import type { LeadProfile, LeadUpserted } from '@smarketing/contracts';
import { splitPersonalTraits, type LeadPatch, type LeadRecord } from '../../domain';

const domainOf = (email: string | null): string | null => {
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at >= 0 ? email.slice(at + 1) : null;
};

/** The lead on the event streams: every attribute rules need, no personal data (see leadProfileOf). */
export function leadUpsertedOf(row: LeadRecord): LeadUpserted {
  return {
    leadId: row.leadId,
    anonymousIds: [...row.anonymousIds],
    emailDomain: domainOf(row.email),
    seniority: row.seniority,
    company: row.company,
    accountId: row.accountId,
    accountDomain: row.accountDomain,
    accountMatchReason: row.accountMatchReason,
    employeeCount: row.employeeCount,
    industry: row.industry,
    country: row.country,
    region: row.region,
    isFreeMail: row.isFreeMail,
    isStudent: row.isStudent,
    extraTraits: splitPersonalTraits(row.extraTraits).traits,
    source: row.source,
    occurredAt: row.occurredAt,
  };
}

/**
 * The lead's personal data, for the compacted profile topic; null when it has none (an anonymous
 * placeholder), so no profile is written for it.
 */
export function leadProfileOf(row: LeadRecord): LeadProfile | null {
  const personalTraits = splitPersonalTraits(row.extraTraits).personal;
  if (
    row.email === null &&
    row.firstName === null &&
    row.lastName === null &&
    row.title === null &&
    personalTraits === null
  )
    return null;
  return {
    leadId: row.leadId,
    email: row.email,
    firstName: row.firstName,
    lastName: row.lastName,
    title: row.title,
    personalTraits,
    source: row.source,
    occurredAt: row.occurredAt,
  };
}

/** A stored lead seen as a patch, so patches of this batch can be folded over it. */
export const patchOfRecord = ({ mergedInto: _m, ...row }: LeadRecord): LeadPatch => row;
