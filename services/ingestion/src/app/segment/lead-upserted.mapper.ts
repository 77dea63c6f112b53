import type { LeadUpserted } from '@smarketing/contracts';
import type { LeadPatch, LeadRecord } from '../ports/lead-record';

export function leadUpsertedOf(row: LeadRecord): LeadUpserted {
  return {
    leadId: row.leadId,
    email: row.email,
    anonymousIds: [...row.anonymousIds],
    firstName: row.firstName,
    lastName: row.lastName,
    title: row.title,
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
    extraTraits: row.extraTraits,
    source: row.source,
    occurredAt: row.occurredAt,
  };
}

/** A stored lead seen as a patch, so patches of this batch can be folded over it. */
export const patchOfRecord = ({ mergedInto: _m, ...row }: LeadRecord): LeadPatch => row;
