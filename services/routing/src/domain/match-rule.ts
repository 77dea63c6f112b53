import type { AccountOwner, SalesOrg } from './sales-org';
import type { Condition, LeadFacts, LeadProfile, RoutingRule, RoutingRules } from './routing-rules';

/** The employee band of a head count: the last band whose min it reaches ("unknown" without one). */
export const employeeBandOf = (rules: RoutingRules, employees: number | null): string => {
  if (employees === null) return 'unknown';
  let band = 'unknown';
  for (const b of rules.employeeBands) if (employees >= b.min) band = b.id;
  return band;
};

/** The named account of a lead: by account id first, then by domain. */
export const accountOwnerOf = (org: SalesOrg, facts: LeadProfile): AccountOwner | undefined =>
  (facts.accountId !== null ? org.accountOwners.get(facts.accountId) : undefined) ??
  (facts.accountDomain !== null ? org.accountOwners.get(facts.accountDomain) : undefined);

const listValue = (
  field: Exclude<Condition['field'], 'employees'>,
  facts: LeadFacts,
  rules: RoutingRules,
  org: SalesOrg,
): readonly (string | null)[] => {
  switch (field) {
    case 'country':
      return [facts.country];
    case 'region':
      return [facts.region];
    case 'industry':
      return [facts.industry];
    case 'source':
      return [facts.source];
    case 'band':
      return [employeeBandOf(rules, facts.employees)];
    case 'segment':
      return [accountOwnerOf(org, facts)?.segment ?? null];
    case 'account':
      return [facts.accountId, facts.accountDomain];
    // 'unknown' on the wire is a tier or band this reader has no symbol for: not one a rule names.
    case 'accountTier':
      return [facts.accountTier === 'unknown' ? null : facts.accountTier];
    case 'accountBand':
      return [facts.accountBand === 'unknown' ? null : facts.accountBand];
    default: {
      const never: never = field;
      return never;
    }
  }
};

/** A condition on an unknown attribute never holds: a lead we know nothing about falls through to the catch-all. */
export const conditionHolds = (
  c: Condition,
  facts: LeadFacts,
  rules: RoutingRules,
  org: SalesOrg,
): boolean => {
  if (c.field === 'employees') {
    if (facts.employees === null) return false;
    return (
      (c.min === undefined || facts.employees >= c.min) && (c.max === undefined || facts.employees <= c.max)
    );
  }
  return listValue(c.field, facts, rules, org).some((v) => v !== null && c.in.includes(v));
};

/** Whether any rule reads the account's score: routing reads the scores only for rules that do. */
export const matchesOnAccountScores = (rules: RoutingRules): boolean =>
  rules.rules.some((r) => r.when.some((c) => c.field === 'accountTier' || c.field === 'accountBand'));

/** First match wins: the rules are an ordered list, as sales ops write them. */
export const matchRule = (rules: RoutingRules, org: SalesOrg, facts: LeadFacts): RoutingRule | undefined =>
  rules.rules.find((rule) => rule.when.every((c) => conditionHolds(c, facts, rules, org)));
