import { scoreAccount, tierForFit } from '../score-account';
import { AT } from './builders';
import { alignedIcp, contribution, idealAccount, membersOf } from './icp-builders';

describe('scoreAccount: the ICP arithmetic', () => {
  it('adds the points of every matching firmographic rule into fit, with one explained rule each', () => {
    const score = scoreAccount(alignedIcp, idealAccount(), {}, AT);
    // size 100-1,000 30 + industry 30 + region 20 + revenue 20
    expect(score.fit).toBe(100);
    expect(score.firedRules.map((r) => [r.ruleId, r.group, r.points])).toEqual([
      ['size-mid-market', 'fit', 30],
      ['target-industry', 'fit', 30],
      ['target-region', 'fit', 20],
      ['revenue-10m-500m', 'fit', 20],
    ]);
    expect(score.firedRules[0]?.detail).toBe('company size 100-1,000: employees 450 in 100-1000');
    // Fit alone is warm: hot needs the buying group too (130).
    expect(score).toMatchObject({
      engagement: 0,
      total: 100,
      tier: 'tier_1',
      band: 'warm',
      icpId: 'aligned',
    });
  });

  it('matches nothing on unknown firmographics: an account of unknown size is not mid-market', () => {
    const score = scoreAccount(alignedIcp, { properties: {} }, {}, AT);
    expect(score).toMatchObject({ fit: 0, total: 0, tier: 'untiered', band: 'cold', firedRules: [] });
  });

  it('reads revenue from the ICP revenue property only when it is a number', () => {
    const asText = scoreAccount(
      alignedIcp,
      idealAccount({ properties: { annualRevenue: '50000000' } }),
      {},
      AT,
    );
    expect(asText.firedRules.map((r) => r.ruleId)).not.toContain('revenue-10m-500m');
    expect(asText.fit).toBe(80);
  });

  it('makes the fired points add up to the total, engagement included', () => {
    const members = membersOf(
      contribution('a', 40, 'c_level_vp'),
      contribution('b', 30, 'director'),
      contribution('c', 10, 'manager'),
    );
    const score = scoreAccount(alignedIcp, idealAccount(), members, AT);
    // lead engagement 80 x 0.5 = 40; 3 people x 5 = 15; 3 levels x 10 = 30
    expect(score.firedRules.filter((r) => r.group === 'engagement').map((r) => [r.ruleId, r.points])).toEqual(
      [
        ['lead-engagement', 40],
        ['engaged-people', 15],
        ['seniority-coverage', 30],
      ],
    );
    expect(score.engagement).toBe(85);
    expect(score.total).toBe(185);
    expect(score.firedRules.reduce((s, r) => s + r.points, 0)).toBe(score.total);
    expect(score.firedRules.find((r) => r.ruleId === 'seniority-coverage')?.detail).toBe(
      '3 seniority levels engaged (c_level_vp, director, manager) x 10',
    );
  });

  it('caps the leads-engagement part at its maximum and says so', () => {
    const members = membersOf(contribution('a', 150, 'manager'));
    const rule = scoreAccount(alignedIcp, idealAccount(), members, AT).firedRules.find(
      (r) => r.ruleId === 'lead-engagement',
    );
    expect(rule).toEqual({
      ruleId: 'lead-engagement',
      group: 'engagement',
      points: 50,
      detail: "leads' engagement 150 x 0.5 capped at 50",
    });
  });

  it('counts at most maxEngagedLeads people', () => {
    const members = membersOf(...Array.from({ length: 8 }, (_, i) => contribution(`l${i}`, 5)));
    const rule = scoreAccount(alignedIcp, idealAccount(), members, AT).firedRules.find(
      (r) => r.ruleId === 'engaged-people',
    );
    expect(rule).toMatchObject({ points: 25, detail: '8 engaged people (counted 5) x 5' });
  });
});

describe('scoreAccount: tiers', () => {
  it.each([
    [100, 'tier_1'],
    [80, 'tier_1'],
    [79.99, 'tier_2'],
    [50, 'tier_2'],
    [49, 'tier_3'],
    [20, 'tier_3'],
    [19, 'untiered'],
    [0, 'untiered'],
    [-10, 'untiered'],
  ])('fit %d is %s', (fit, tier) => {
    expect(tierForFit(alignedIcp, fit)).toBe(tier);
  });

  it('tiers on fit alone: engagement moves the band, never the tier', () => {
    const account = idealAccount({ industry: 'retail', properties: {} }); // 30 + 20 = 50: tier 2
    const engaged = membersOf(
      contribution('a', 100, 'c_level_vp'),
      contribution('b', 100, 'director'),
      contribution('c', 100, 'manager'),
    );
    const cold = scoreAccount(alignedIcp, account, {}, AT);
    const warm = scoreAccount(alignedIcp, account, engaged, AT);
    expect([cold.tier, cold.band]).toEqual(['tier_2', 'cold']);
    // 50 + (50 + 15 + 30) = 145
    expect([warm.tier, warm.band, warm.total]).toEqual(['tier_2', 'hot', 145]);
  });
});

describe('scoreAccount: exclusions', () => {
  it('excludes a competitor whatever its fit and engagement: total 0, tier and band excluded, with the reason', () => {
    const members = membersOf(contribution('a', 90, 'c_level_vp'));
    const score = scoreAccount(alignedIcp, idealAccount({ domain: 'eu.hubspot.com' }), members, AT);
    expect(score).toMatchObject({
      fit: 0,
      engagement: 0,
      total: 0,
      tier: 'excluded',
      band: 'excluded',
      excludedBy: 'competitor',
    });
    expect(score.firedRules).toEqual([
      { ruleId: 'competitor', group: 'exclusion', points: 0, detail: 'competitor: domain eu.hubspot.com' },
    ]);
    // The buying group is still shown: sales may want to know who engaged.
    expect(score.group.engagedLeads).toBe(1);
  });

  it('lists every matching exclusion, the first one (ICP order) naming the reason', () => {
    const score = scoreAccount(
      alignedIcp,
      idealAccount({ domain: 'marketo.com', industry: 'education' }),
      {},
      AT,
    );
    expect(score.firedRules.map((r) => r.ruleId)).toEqual(['competitor', 'education']);
    expect(score.excludedBy).toBe('competitor');
  });

  it('does not exclude on a domain that only ends like a competitor', () => {
    expect(scoreAccount(alignedIcp, idealAccount({ domain: 'nothubspot.com' }), {}, AT).tier).toBe('tier_1');
  });
});
