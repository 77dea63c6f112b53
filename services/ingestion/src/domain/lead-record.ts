import type { Region, Seniority } from '@smarketing/contracts';

/** A lead as the ingestion store holds it: the full normalized profile. */
export type LeadRecord = {
  readonly leadId: string;
  readonly email: string | null;
  readonly anonymousIds: readonly string[];
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly title: string | null;
  readonly seniority: Seniority;
  readonly company: string | null;
  readonly accountId: string | null;
  readonly accountDomain: string | null;
  readonly accountMatchedBy: 'email_domain' | 'group_call' | null;
  readonly accountMatchReason: string | null;
  readonly employeeCount: number | null;
  readonly industry: string | null;
  readonly country: string | null;
  readonly region: Region;
  readonly isFreeMail: boolean;
  readonly isStudent: boolean | null;
  readonly extraTraits: string | null;
  readonly source: string;
  readonly occurredAt: number;
  /** Set once this lead was merged into another (a resolved anonymous placeholder). */
  readonly mergedInto: string | null;
};

/** What one call contributes to a lead: null fields leave the stored value as it is. */
export type LeadPatch = Omit<LeadRecord, 'mergedInto' | 'seniority' | 'region' | 'isFreeMail'> & {
  readonly seniority: Seniority | null;
  readonly region: Region | null;
  readonly isFreeMail: boolean | null;
};

export type IdentityKind = 'anonymous' | 'user';

export type IdentityLink = {
  readonly kind: IdentityKind;
  readonly externalId: string;
  readonly leadId: string;
};

export type AccountRecord = {
  readonly accountId: string;
  readonly domain: string;
  readonly name: string | null;
  readonly groupId: string | null;
};
