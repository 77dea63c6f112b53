import { conditionHolds, matchesOnAccountScores, matchRule } from '../match-rule';
import type { Condition, RoutingRules } from '../routing-rules';
import { facts, pool, rep, rules, salesOrg } from './builders';

const org = salesOrg([rep('a'), rep('b')]);
const doc = rules([pool(['a'])]);
const holds = (c: Condition, over: Parameters<typeof facts>[0]) => conditionHolds(c, facts(over), doc, org);

const tiered = (when: Condition[]): RoutingRules =>
  rules([pool(['a'], { id: 'tier-1' }), pool(['b'], { id: 'rest' })], {
    rules: [
      { ...doc.rules[0]!, id: 'top-accounts', when, pool: 'tier-1' },
      { ...doc.rules[0]!, id: 'rest', when: [], pool: 'rest' },
    ],
  });

describe('conditions on the account score', () => {
  it("accountTier holds when the account's tier is in the list, and only then", () => {
    const c: Condition = { field: 'accountTier', in: ['tier_1', 'tier_2'] };
    expect(holds(c, { accountId: 'acme', accountTier: 'tier_1' })).toBe(true);
    expect(holds(c, { accountId: 'acme', accountTier: 'tier_2' })).toBe(true);
    expect(holds(c, { accountId: 'acme', accountTier: 'tier_3' })).toBe(false);
    expect(holds({ field: 'accountTier', in: ['excluded'] }, { accountTier: 'excluded' })).toBe(true);
  });

  it('accountBand holds when the account band is in the list; the employee band stays `band`', () => {
    const c: Condition = { field: 'accountBand', in: ['hot'] };
    expect(holds(c, { accountBand: 'hot', employees: 10 })).toBe(true);
    expect(holds(c, { accountBand: 'warm' })).toBe(false);
    // `band` is the employee band: an account band named in it does not match.
    expect(holds({ field: 'band', in: ['hot'] }, { accountBand: 'hot' })).toBe(false);
  });

  it('an account never scored (or a lead without one) makes the condition not hold', () => {
    expect(holds({ field: 'accountTier', in: ['tier_1'] }, { accountId: 'acme' })).toBe(false);
    expect(holds({ field: 'accountBand', in: ['hot', 'warm', 'cold'] }, {})).toBe(false);
  });

  it('a tier or band this reader has no symbol for (decoded as unknown) holds for no list', () => {
    expect(holds({ field: 'accountTier', in: ['unknown'] }, { accountTier: 'unknown' })).toBe(false);
    expect(holds({ field: 'accountBand', in: ['unknown'] }, { accountBand: 'unknown' })).toBe(false);
  });

  it('routes a tier 1 account through its rule, and an unscored one to the next rule', () => {
    const doc = tiered([{ field: 'accountTier', in: ['tier_1'] }]);
    expect(matchRule(doc, org, facts({ accountId: 'acme', accountTier: 'tier_1' }))?.id).toBe('top-accounts');
    expect(matchRule(doc, org, facts({ accountId: 'acme', accountTier: 'tier_2' }))?.id).toBe('rest');
    expect(matchRule(doc, org, facts({ accountId: 'acme' }))?.id).toBe('rest');
  });

  it('tells whether any rule reads the account score (else routing does not look it up)', () => {
    expect(matchesOnAccountScores(tiered([{ field: 'accountBand', in: ['hot'] }]))).toBe(true);
    expect(matchesOnAccountScores(tiered([{ field: 'accountTier', in: ['tier_1'] }]))).toBe(true);
    expect(matchesOnAccountScores(tiered([{ field: 'band', in: ['enterprise'] }]))).toBe(false);
  });
});
