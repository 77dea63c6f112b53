import { conversionId, scopeOf } from '../conversion';
import { creditJourney } from '../credit-journey';
import { fingerprint, nextVersion } from '../credit-version';
import { journeyOf as buildJourney } from '../journey-of';
import { largestRemainder } from '../largest-remainder';
import { ruleModel } from '../model-catalog';
import { costInPeriod, spendMetrics } from '../spend-metrics';
import { DAY, journeyOf, T0 } from './builders';

describe('largest remainder', () => {
  it('splits 100 cents in thirds as 34, 33, 33', () => {
    expect(largestRemainder(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
  });
  it('gives the leftover units to the largest remainders', () => {
    expect(largestRemainder(7n, [0.1, 0.3, 0.6])).toEqual([1n, 2n, 4n]);
  });
  it('is exact for amounts beyond 2^53', () => {
    const amount = 2n ** 62n + 7n;
    const parts = largestRemainder(amount, [0.4, 0.2, 0.4]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
  });
  it('splits negative amounts (refunds) symmetrically', () => {
    expect(largestRemainder(-100n, [1, 1, 1])).toEqual([-34n, -33n, -33n]);
  });
  it('splits amounts on both sides of 2^40 exactly, each part within one unit of its quota', () => {
    const w = [0.1, 0.3, 0.6, 0.05];
    for (const amount of [2n ** 40n - 1n, 2n ** 40n + 1n]) {
      const parts = largestRemainder(amount, w);
      expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
      parts.forEach((p, i) => {
        const quota = (Number(amount) * (w[i] ?? 0)) / 1.05;
        expect(Math.abs(Number(p) - quota)).toBeLessThan(1.01);
      });
    }
  });
  it('gives nothing to a zero weight', () => {
    expect(largestRemainder(10n, [0, 1, 1, 0])).toEqual([0n, 5n, 5n, 0n]);
  });
  it('refuses negative weights', () => {
    expect(() => largestRemainder(10n, [1, -1])).toThrow('non-negative');
  });
});

describe('journeys of conversions', () => {
  const touch = (id: string, at: number, kind: 'touchpoint' | 'sales_activity' = 'touchpoint') => ({
    id,
    leadId: 'l',
    at,
    channel: 'email',
    campaignId: null,
    kind,
  });
  const none = { leadCreatedAt: null, opportunityCreatedAt: null, wonAt: null };

  it('keeps the touches within the lookback window up to the conversion, in order', () => {
    const j = buildJourney(
      [touch('late', T0 + DAY), touch('b', T0), touch('old', T0 - 31 * DAY), touch('a', T0 - 30 * DAY)],
      T0,
      none,
      { lookbackDays: 30 },
      'marketing',
    );
    expect(j.touches.map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('orders simultaneous touches by id, so arrival order never matters', () => {
    const j = buildJourney([touch('z', T0), touch('a', T0)], T0, none, { lookbackDays: 1 }, 'marketing');
    expect(j.touches.map((t) => t.id)).toEqual(['a', 'z']);
  });

  it('drops sales activities for marketing-only models and keeps them otherwise', () => {
    const all = [touch('a', T0), touch('call', T0 + 1, 'sales_activity')];
    expect(buildJourney(all, T0 + 2, none, { lookbackDays: 1 }, 'marketing').touches).toHaveLength(1);
    expect(buildJourney(all, T0 + 2, none, { lookbackDays: 1 }, 'with_sales').touches).toHaveLength(2);
  });

  it('names conversions stably and scopes them', () => {
    expect(conversionId.lead('mql', 'l1', 2)).toBe('mql:l1:2');
    expect(conversionId.opportunity('won', 'o1')).toBe('won:o1');
    expect(scopeOf('sql', 'acc', 'account')).toBe('lead');
    expect(scopeOf('won', 'acc', 'account')).toBe('account');
    expect(scopeOf('won', null, 'account')).toBe('opportunity_contacts');
    expect(scopeOf('opportunity', 'acc', 'opportunity_contacts')).toBe('opportunity_contacts');
  });
});

describe('credit versions', () => {
  const m = ruleModel({ family: 'linear' });
  const before = creditJourney(m, journeyOf(['a', 'b']), null);
  const after = creditJourney(m, journeyOf(['x', 'a', 'b']), null);

  it('starts at version 1', () => {
    expect(nextVersion(undefined, fingerprint(before, ''))).toEqual({ version: 1, supersedes: null });
  });
  it('supersedes the previous version when the numbers change', () => {
    const prev = { creditId: 'c1', version: 1, fingerprint: fingerprint(before, '') };
    expect(nextVersion(prev, fingerprint(after, ''))).toEqual({ version: 2, supersedes: 'c1' });
  });
  it('emits nothing when a recomputation gives the same numbers', () => {
    const prev = { creditId: 'c1', version: 3, fingerprint: fingerprint(before, '') };
    expect(nextVersion(prev, fingerprint(creditJourney(m, journeyOf(['a', 'b']), null), ''))).toBeUndefined();
  });
});

describe('spend', () => {
  const cost = {
    campaignId: 'c',
    channel: 'paid_search',
    periodStart: 100,
    periodEnd: 109,
    amountMinor: 1000n,
    currency: 'EUR',
  };
  it('prorates a cost over the days of the period it overlaps', () => {
    expect(costInPeriod(cost, 105, 200)).toBe(500n);
    expect(costInPeriod(cost, 0, 200)).toBe(1000n);
    expect(costInPeriod(cost, 110, 200)).toBe(0n);
  });
  it('gives ROAS, CAC, cost per SQL and ROI, and no ratio without a denominator', () => {
    expect(spendMetrics({ costMinor: 1000n, revenueMinor: 5000n, won: 2, sql: 4, opportunities: 3 })).toEqual(
      {
        roas: 5,
        cacMinor: 500,
        costPerSqlMinor: 250,
        roi: 4,
      },
    );
    expect(spendMetrics({ costMinor: 0n, revenueMinor: 5000n, won: 0, sql: 0, opportunities: 0 })).toEqual({
      roas: null,
      cacMinor: null,
      costPerSqlMinor: null,
      roi: null,
    });
  });
});
