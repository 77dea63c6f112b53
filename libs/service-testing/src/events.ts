import type { LeadUpserted } from '@smarketing/contracts';

/** A lead-upserted event as ingestion writes it, at event time `at` (epoch ms). */
export const leadUpserted = (leadId: string, at: number, over: Partial<LeadUpserted> = {}): LeadUpserted => ({
  leadId,
  anonymousIds: [],
  emailDomain: 'example-corp.com',
  seniority: 'unknown',
  company: null,
  accountId: null,
  accountDomain: null,
  accountMatchReason: null,
  employeeCount: null,
  industry: null,
  country: null,
  region: 'unknown',
  isFreeMail: false,
  isStudent: null,
  extraTraits: null,
  source: 'test',
  occurredAt: at,
  ...over,
});
