import { backtestIcp, type BacktestAccount } from '../backtest-icp';
import type { Icp } from '../icp';
import { AT } from './builders';
import { alignedIcp, contribution, idealAccount, membersOf } from './icp-builders';

const period = { from: AT - 1_000, to: AT };
const account = (accountId: string, over: Partial<BacktestAccount> = {}): BacktestAccount => ({
  accountId,
  profile: idealAccount(),
  members: {},
  outcome: null,
  lastEventAt: AT,
  firstSeenAt: AT - 5_000,
  ...over,
});

/** Retail becomes a target industry: a retail account of the right size and region goes from tier 2 to tier 1. */
const retailToo: Icp = {
  ...alignedIcp,
  version: 2,
  rules: alignedIcp.rules.map((r) =>
    r.id === 'target-industry'
      ? { ...r, condition: { kind: 'industry_in', industries: ['software', 'retail'] } }
      : r,
  ),
};

describe('backtestIcp', () => {
  const accounts = [
    account('acme', { outcome: 'won', members: membersOf(contribution('l1', 30, 'director')) }),
    account('shop', { profile: idealAccount({ industry: 'retail' }), outcome: 'sql' }),
    account('tiny', { profile: idealAccount({ employeeCount: 5, industry: 'retail', properties: {} }) }),
    account('old', { lastEventAt: period.from - 1, outcome: 'won' }),
  ];
  const report = backtestIcp(alignedIcp, retailToo, accounts, period, 5);

  it('scores the accounts active in the period under both ICPs, per tier', () => {
    expect(report.accounts).toBe(3);
    expect(report.published.tierCounts).toEqual({
      tier_1: 1,
      tier_2: 1,
      tier_3: 1,
      untiered: 0,
      excluded: 0,
    });
    expect(report.candidate.tierCounts).toEqual({
      tier_1: 2,
      tier_2: 1,
      tier_3: 0,
      untiered: 0,
      excluded: 0,
    });
    expect([report.published.tier1Engaged, report.candidate.tier1Engaged]).toEqual([1, 1]);
  });

  it('gives conversion and lift per tier (an account converts when one of its leads does)', () => {
    expect(report.baseRates).toEqual({ accepted: 0.6667, qualified: 0.6667, won: 0.3333 });
    expect(report.candidate.perTier.tier_1.targets.qualified).toEqual({ converted: 2, rate: 1, lift: 1.5 });
    expect(report.published.perTier.tier_1.targets.won).toEqual({ converted: 1, rate: 1, lift: 3 });
  });

  it('lists the accounts that change tier with reasons', () => {
    expect(report.changes.count).toBe(2);
    expect(report.changes.sample[0]).toEqual({
      accountId: 'shop',
      from: { tier: 'tier_2', band: 'cold', total: 70 },
      to: { tier: 'tier_1', band: 'warm', total: 100 },
      outcome: 'sql',
      reasons: [
        'target-industry fires (30): target industry: industry retail',
        'fit 70 -> 100, total 70 -> 100',
      ],
    });
    expect(report.summary[1]).toBe(
      'Accounts per tier: tier_1 1 -> 2, tier_2 1 -> 1, tier_3 1 -> 0, untiered 0 -> 0, excluded 0 -> 0.',
    );
  });
});
