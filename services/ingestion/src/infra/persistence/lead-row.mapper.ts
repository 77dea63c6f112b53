import type { Region, Seniority } from '@smarketing/contracts';
import type { LeadRecord } from '../../domain';

export type LeadRow = {
  lead_id: string;
  email: string | null;
  anonymous_ids: string[];
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  seniority: string;
  company: string | null;
  account_id: string | null;
  account_domain: string | null;
  account_matched_by: string | null;
  account_match_reason: string | null;
  employee_count: number | null;
  industry: string | null;
  country: string | null;
  region: string;
  is_free_mail: boolean;
  is_student: boolean | null;
  extra_traits: string | null;
  source: string;
  occurred_at: string;
  merged_into: string | null;
};

/** Every column of LeadRow, for result lists of prepared statements (never `*`, see PreparedSql). */
const LEAD_COLUMN_NAMES = [
  'lead_id',
  'email',
  'anonymous_ids',
  'first_name',
  'last_name',
  'title',
  'seniority',
  'company',
  'account_id',
  'account_domain',
  'account_matched_by',
  'account_match_reason',
  'employee_count',
  'industry',
  'country',
  'region',
  'is_free_mail',
  'is_student',
  'extra_traits',
  'source',
  'occurred_at',
  'merged_into',
] as const satisfies readonly (keyof LeadRow)[];
// Fails to compile when LeadRow gains a field the list lacks.
const everyLeadColumn: Record<Exclude<keyof LeadRow, (typeof LEAD_COLUMN_NAMES)[number]>, never> = {};
void everyLeadColumn;

/** `l.lead_id, l.email, …` for a table aliased `alias`. */
export const leadColumns = (alias: string): string =>
  LEAD_COLUMN_NAMES.map((c) => `${alias}.${c}`).join(', ');

export const leadOfRow = (r: LeadRow): LeadRecord => ({
  leadId: r.lead_id,
  email: r.email,
  anonymousIds: r.anonymous_ids,
  firstName: r.first_name,
  lastName: r.last_name,
  title: r.title,
  seniority: r.seniority as Seniority,
  company: r.company,
  accountId: r.account_id,
  accountDomain: r.account_domain,
  accountMatchedBy: r.account_matched_by as LeadRecord['accountMatchedBy'],
  accountMatchReason: r.account_match_reason,
  employeeCount: r.employee_count,
  industry: r.industry,
  country: r.country,
  region: r.region as Region,
  isFreeMail: r.is_free_mail,
  isStudent: r.is_student,
  extraTraits: r.extra_traits,
  source: r.source,
  occurredAt: Number(r.occurred_at),
  mergedInto: r.merged_into,
});
