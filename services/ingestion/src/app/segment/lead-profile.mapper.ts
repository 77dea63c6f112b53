import {
  boundExtras,
  isDisposableDomain,
  isFreeMailDomain,
  matchAccount,
  normalizeCountry,
  normalizeIndustry,
  parseEmployeeCount,
  regionOf,
  seniorityFromTitle,
  type LeadPatch,
  type NormalizedEmail,
} from '../../domain';
import { bag, bool, first, str, without, type Bag } from './traits';

// Traits mapped to profile fields; everything else is kept, bounded, in extraTraits.
const MAPPED = new Set([
  'email',
  'firstName',
  'first_name',
  'lastName',
  'last_name',
  'name',
  'title',
  'jobTitle',
  'job_title',
  'company',
  'employees',
  'employee_count',
  'employeeCount',
  'numberOfEmployees',
  'industry',
  'country',
  'address',
  'isStudent',
  'is_student',
]);

function names(traits: Bag): { firstName: string | null; lastName: string | null } {
  const firstName = str(first(traits, ['firstName', 'first_name']));
  const lastName = str(first(traits, ['lastName', 'last_name']));
  if (firstName !== null || lastName !== null) return { firstName, lastName };
  const full = str(traits['name']);
  if (full === null) return { firstName: null, lastName: null };
  const space = full.indexOf(' ');
  return space < 0
    ? { firstName: full, lastName: null }
    : { firstName: full.slice(0, space), lastName: full.slice(space + 1).trim() || null };
}

function accountFields(
  email: NormalizedEmail | null,
): Pick<LeadPatch, 'accountId' | 'accountDomain' | 'accountMatchedBy' | 'accountMatchReason' | 'isFreeMail'> {
  if (email === null)
    return {
      accountId: null,
      accountDomain: null,
      accountMatchedBy: null,
      accountMatchReason: null,
      isFreeMail: null,
    };
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const match = matchAccount({ email });
  const isFreeMail = isFreeMailDomain(domain) || isDisposableDomain(domain);
  return match.matched
    ? {
        accountId: match.accountId,
        accountDomain: match.domain,
        accountMatchedBy: match.matchedBy,
        accountMatchReason: match.reason,
        isFreeMail,
      }
    : {
        accountId: null,
        accountDomain: null,
        accountMatchedBy: null,
        accountMatchReason: match.reason,
        isFreeMail,
      };
}

/** What an identify call says about a lead, normalized; absent traits are null (they keep stored values). */
export function leadPatchOfIdentify(input: {
  leadId: string;
  email: NormalizedEmail | null;
  anonymousId: string | undefined;
  traits: Bag;
  source: string;
  occurredAt: number;
}): LeadPatch {
  const { traits } = input;
  const companyTrait = traits['company'];
  const company = bag(companyTrait);
  const employees = parseEmployeeCount(
    first(traits, ['employees', 'employee_count', 'employeeCount', 'numberOfEmployees']) ??
      first(company, ['employees', 'employee_count']),
  );
  const countryCode = normalizeCountry(first(traits, ['country']) ?? bag(traits['address'])['country']);
  const extras = boundExtras(without(traits, MAPPED));
  return {
    leadId: input.leadId,
    email: input.email,
    anonymousIds: input.anonymousId === undefined ? [] : [input.anonymousId],
    ...names(traits),
    title: str(first(traits, ['title', 'jobTitle', 'job_title'])),
    seniority:
      first(traits, ['title', 'jobTitle', 'job_title']) === undefined
        ? null
        : seniorityFromTitle(first(traits, ['title', 'jobTitle', 'job_title'])),
    company: str(companyTrait) ?? str(company['name']),
    ...accountFields(input.email),
    employeeCount: employees?.count ?? null,
    industry: normalizeIndustry(first(traits, ['industry']) ?? company['industry']),
    country: countryCode,
    region: countryCode === null ? null : regionOf(countryCode),
    isStudent: bool(first(traits, ['isStudent', 'is_student'])),
    extraTraits: extras.json === '{}' ? null : extras.json,
    source: input.source,
    occurredAt: input.occurredAt,
  };
}
