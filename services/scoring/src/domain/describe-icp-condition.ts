import type { AccountProfile, Icp, IcpCondition } from './icp';

const shown = (value: unknown): string => (value === undefined ? 'unknown' : String(value));

const bounds = (min: number | undefined, max: number | undefined): string =>
  min !== undefined && max !== undefined ? `${min}-${max}` : min !== undefined ? `>= ${min}` : `<= ${max}`;

/** The account's value a condition looked at, for explanations ("employees 450 in 100-1000"). */
export const describeIcpCondition = (
  condition: IcpCondition,
  account: AccountProfile,
  icp: Pick<Icp, 'revenueProperty'>,
): string => {
  switch (condition.kind) {
    case 'employee_count':
      return `employees ${shown(account.employeeCount)} in ${bounds(condition.min, condition.max)}`;
    case 'revenue':
      return `${icp.revenueProperty} ${shown(account.properties[icp.revenueProperty])} in ${bounds(condition.min, condition.max)}`;
    case 'industry_in':
      return `industry ${shown(account.industry)}`;
    case 'country_in':
      return `country ${shown(account.country)}`;
    case 'region_in':
      return `region ${shown(account.region)}`;
    case 'domain_in':
      return `domain ${shown(account.domain)}`;
    case 'property_equals':
    case 'property_in':
      return `${condition.property} ${shown(account.properties[condition.property])}`;
    case 'all':
      return condition.conditions.map((c) => describeIcpCondition(c, account, icp)).join(' and ');
    case 'any':
      return condition.conditions.map((c) => describeIcpCondition(c, account, icp)).join(' or ');
    case 'not':
      return `not (${describeIcpCondition(condition.condition, account, icp)})`;
    default: {
      const unreachable: never = condition;
      throw new Error(`Unknown ICP condition ${JSON.stringify(unreachable)}`);
    }
  }
};
