import type { LeadProfile } from './lead-signals';
import type { Condition, ScoringModel } from './scoring-model';

type ModelLists = Pick<
  ScoringModel,
  'targetIndustries' | 'targetCountries' | 'targetRegions' | 'competitorDomains'
>;

const lower = (value: string): string => value.trim().toLowerCase();

/** "mail.acme.com" belongs to "acme.com": corporate mail often comes from subdomains. */
const domainIn = (domain: string | undefined, domains: readonly string[]): boolean => {
  if (domain === undefined || domain.trim() === '') return false;
  const d = lower(domain);
  return domains.some((candidate) => {
    const c = lower(candidate);
    return d === c || d.endsWith(`.${c}`);
  });
};

const industryIn = (industry: string | undefined, industries: readonly string[]): boolean =>
  industry !== undefined && industries.some((candidate) => lower(candidate) === lower(industry));

const countryIn = (country: string | undefined, countries: readonly string[]): boolean =>
  country !== undefined &&
  countries.some((candidate) => candidate.toUpperCase() === country.trim().toUpperCase());

/** Whether a lead's profile satisfies a condition. Unknown values never match. */
export const matchesCondition = (condition: Condition, profile: LeadProfile, model: ModelLists): boolean => {
  switch (condition.kind) {
    case 'employee_count': {
      const count = profile.employeeCount;
      if (count === undefined || !Number.isFinite(count)) return false;
      return (
        (condition.min === undefined || count >= condition.min) &&
        (condition.max === undefined || count <= condition.max)
      );
    }
    case 'target_industry':
      return industryIn(profile.industry, model.targetIndustries);
    case 'industry_in':
      return industryIn(profile.industry, condition.industries);
    case 'target_geography':
      return (
        countryIn(profile.country, model.targetCountries) ||
        (profile.region !== undefined &&
          profile.region !== 'unknown' &&
          model.targetRegions.includes(profile.region))
      );
    case 'country_in':
      return countryIn(profile.country, condition.countries);
    case 'region_in':
      return profile.region !== undefined && condition.regions.includes(profile.region);
    case 'seniority_in':
      return condition.seniorities.includes(profile.seniority);
    case 'property_equals':
      // Strict equality: "100" (string) is not 100 (number); ingestion types properties.
      return (
        Object.hasOwn(profile.properties, condition.property) &&
        profile.properties[condition.property] === condition.value
      );
    case 'property_in': {
      if (!Object.hasOwn(profile.properties, condition.property)) return false;
      const value = profile.properties[condition.property];
      return condition.values.some((candidate) => candidate === value);
    }
    case 'email_domain_in':
      return domainIn(profile.emailDomain, condition.domains);
    case 'competitor_domain':
      return domainIn(profile.emailDomain, model.competitorDomains);
    case 'free_mail':
      return profile.isFreeMail === true;
    case 'student':
      return profile.isStudent === true;
    case 'all':
      return condition.conditions.every((c) => matchesCondition(c, profile, model));
    case 'any':
      return condition.conditions.some((c) => matchesCondition(c, profile, model));
    case 'not':
      return !matchesCondition(condition.condition, profile, model);
    default: {
      const unreachable: never = condition;
      throw new Error(`Unknown condition ${JSON.stringify(unreachable)}`);
    }
  }
};
