import { leadFactsOf, accountIdsOf } from '../lead-facts-of';
import { newestAccountScores, replacesScore, type AccountScore } from '../newest-account-scores';
import { UNKNOWN_PROFILE } from '../routing-rules';

const score = (accountId: string, occurredAt: number, over: Partial<AccountScore> = {}): AccountScore => ({
  accountId,
  tier: 'tier_2',
  band: 'warm',
  occurredAt,
  ...over,
});

describe('the newest account score', () => {
  it('a newer or equally recent score replaces the stored one, an older one does not', () => {
    expect(replacesScore(undefined, score('a', 5))).toBe(true);
    expect(replacesScore(score('a', 5), score('a', 6))).toBe(true);
    expect(replacesScore(score('a', 5), score('a', 5, { tier: 'tier_1' }))).toBe(true);
    expect(replacesScore(score('a', 5), score('a', 4))).toBe(false);
  });

  it('keeps one score per account in a batch: the newest by event time, not the last to arrive', () => {
    const newest = newestAccountScores([
      score('a', 10, { tier: 'tier_1' }),
      score('b', 1),
      score('a', 3, { tier: 'tier_3' }),
      score('a', 7, { tier: 'tier_2' }),
    ]);
    expect(newest).toEqual([score('a', 10, { tier: 'tier_1' }), score('b', 1)]);
  });
});

describe("a lead's facts with its account's score", () => {
  const scores = new Map([['acme', score('acme', 1, { tier: 'tier_1', band: 'hot' })]]);

  it('takes tier and band from the score of its account id', () => {
    expect(leadFactsOf({ ...UNKNOWN_PROFILE, accountId: 'acme' }, scores)).toMatchObject({
      accountId: 'acme',
      accountTier: 'tier_1',
      accountBand: 'hot',
    });
  });

  it('leaves them unknown for an account never scored, or a lead without an account', () => {
    expect(leadFactsOf({ ...UNKNOWN_PROFILE, accountId: 'globex' }, scores)).toMatchObject({
      accountTier: null,
      accountBand: null,
    });
    expect(leadFactsOf(UNKNOWN_PROFILE, scores)).toMatchObject({ accountTier: null, accountBand: null });
  });

  it('asks for each account once', () => {
    const acme = { ...UNKNOWN_PROFILE, accountId: 'acme' };
    expect(accountIdsOf([acme, UNKNOWN_PROFILE, acme, { ...acme, accountId: 'globex' }])).toEqual([
      'acme',
      'globex',
    ]);
  });
});
