import type { AccountProfile, Icp, IcpCondition } from './icp';

const lower = (value: string): string => value.trim().toLowerCase();

const inRange = (value: unknown, min: number | undefined, max: number | undefined): boolean =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  (min === undefined || value >= min) &&
  (max === undefined || value <= max);

/** Whether an account's firmographics satisfy an ICP condition. Unknown values never match. */
export const matchesIcpCondition = (
  condition: IcpCondition,
  account: AccountProfile,
  icp: Pick<Icp, 'revenueProperty'>,
): boolean => {
  switch (condition.kind) {
    case 'employee_count':
      return inRange(account.employeeCount, condition.min, condition.max);
    case 'revenue':
      return (
        Object.hasOwn(account.properties, icp.revenueProperty) &&
        inRange(account.properties[icp.revenueProperty], condition.min, condition.max)
      );
    case 'industry_in':
      return (
        account.industry !== undefined &&
        condition.industries.some((candidate) => lower(candidate) === lower(account.industry ?? ''))
      );
    case 'country_in':
      return (
        account.country !== undefined &&
        condition.countries.some((c) => c.toUpperCase() === account.country?.trim().toUpperCase())
      );
    case 'region_in':
      return (
        account.region !== undefined &&
        account.region !== 'unknown' &&
        condition.regions.includes(account.region)
      );
    case 'domain_in': {
      if (account.domain === undefined || account.domain.trim() === '') return false;
      const d = lower(account.domain);
      return condition.domains.some((c) => d === lower(c) || d.endsWith(`.${lower(c)}`));
    }
    case 'property_equals':
      return (
        Object.hasOwn(account.properties, condition.property) &&
        account.properties[condition.property] === condition.value
      );
    case 'property_in': {
      if (!Object.hasOwn(account.properties, condition.property)) return false;
      const value = account.properties[condition.property];
      return condition.values.some((candidate) => candidate === value);
    }
    case 'all':
      return condition.conditions.every((c) => matchesIcpCondition(c, account, icp));
    case 'any':
      return condition.conditions.some((c) => matchesIcpCondition(c, account, icp));
    case 'not':
      return !matchesIcpCondition(condition.condition, account, icp);
    default: {
      const unreachable: never = condition;
      throw new Error(`Unknown ICP condition ${JSON.stringify(unreachable)}`);
    }
  }
};
