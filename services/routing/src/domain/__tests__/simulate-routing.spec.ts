import { noPublicHolidays } from '../availability';
import { compareRules } from '../simulate-routing';
import { facts, MONDAY_10_UTC, pool, rep, rules, salesOrg } from './builders';

describe('the dry-run comparison', () => {
  const org = salesOrg([rep('a'), rep('b'), rep('c')]);
  const leads = Array.from({ length: 40 }, (_, i) => ({
    leadId: `l${i}`,
    at: MONDAY_10_UTC + i,
    facts: facts(),
  }));

  it('puts the distributions side by side, with shares against weights and the leads that change owner', () => {
    const even = rules([pool(['a', 'b', 'c'])]);
    const skewed = rules(
      [pool(['a', 'b', 'c'], { members: [{ repId: 'a', weight: 2 }, { repId: 'b' }, { repId: 'c' }] })],
      { version: 2 },
    );
    const result = compareRules(org, even, skewed, leads.slice(0, 36), noPublicHolidays, 3);
    expect(result.published.perRep.map((r) => r.assigned)).toEqual([12, 12, 12]);
    expect(result.draft.perRep.map((r) => [r.repId, r.assigned, r.weightShare])).toEqual([
      ['a', 18, 0.5],
      ['b', 9, 0.25],
      ['c', 9, 0.25],
    ]);
    expect(result.published.gini).toBeCloseTo(0);
    expect(result.draft.gini).toBeGreaterThan(0);
    expect(result.changes).toHaveLength(3);
    expect(result.changedOwners).toBeGreaterThan(3);
  });

  it('counts held and queued leads, and finds no change between a version and itself', () => {
    const nobody = salesOrg([rep('a', { active: false })]);
    const holds = rules([pool(['a'])]);
    const queues = {
      ...holds,
      version: 2,
      rules: holds.rules.map((r) => ({
        ...r,
        whenNobodyEligible: { action: 'queue' as const, queue: 'unrouted' },
      })),
    };
    const result = compareRules(nobody, holds, queues, leads, noPublicHolidays, 0);
    expect([result.published.held, result.draft.queued]).toEqual([40, 40]);
    expect(compareRules(org, holds, holds, leads, noPublicHolidays, 10).changedOwners).toBe(0);
  });
});
