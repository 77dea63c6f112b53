import type { LeadProfile } from './lead-signals';
import type { Condition } from './scoring-model';

const count = (n: number): string => n.toLocaleString('en-US');

const range = (min: number | undefined, max: number | undefined): string => {
  if (min !== undefined && max !== undefined) return `${count(min)}-${count(max)}`;
  if (min !== undefined) return `>= ${count(min)}`;
  if (max !== undefined) return `<= ${count(max)}`;
  return 'any';
};

/** A short explanation of why a condition matched, for fired rules shown to reps and marketers. */
export const describeCondition = (condition: Condition, profile: LeadProfile): string => {
  switch (condition.kind) {
    case 'employee_count':
      return `employee count ${range(condition.min, condition.max)} (${profile.employeeCount ?? 'unknown'})`;
    case 'target_industry':
    case 'industry_in':
      return `industry ${profile.industry ?? 'unknown'}`;
    case 'target_geography':
    case 'country_in':
    case 'region_in':
      return `geography ${profile.country ?? 'unknown'}/${profile.region ?? 'unknown'}`;
    case 'seniority_in':
      return `seniority ${profile.seniority}`;
    case 'property_equals':
    case 'property_in':
      return `${condition.property} = ${String(profile.properties[condition.property])}`;
    case 'email_domain_in':
    case 'competitor_domain':
      return `email domain ${profile.emailDomain ?? 'unknown'}`;
    case 'free_mail':
      return 'free-mail address';
    case 'student':
      return 'student';
    case 'all':
      return condition.conditions.map((c) => describeCondition(c, profile)).join(' and ');
    case 'any':
      return `any of (${condition.conditions.map((c) => describeCondition(c, profile)).join(', ')})`;
    case 'not':
      return `not ${describeCondition(condition.condition, profile)}`;
    default: {
      const unreachable: never = condition;
      throw new Error(`Unknown condition ${JSON.stringify(unreachable)}`);
    }
  }
};
