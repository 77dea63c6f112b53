import { creditJourney, sumBy } from '../credit-journey';
import { dataDrivenAttribution } from '../data-driven';
import { markovAttribution } from '../markov';
import { ruleModel } from '../model-catalog';
import { ruleWeights } from '../rule-weights';
import { shapleyAttribution } from '../shapley';
import { expectClose, HOUR, journeyOf, path, sumChannels, T0 } from './builders';

// Published, public vectors: every figure below is pinned as the issue states it.
describe('the published attribution vectors', () => {
  const first = ruleModel({ family: 'first_touch' });
  const last = ruleModel({ family: 'last_touch' });
  const linear = ruleModel({ family: 'linear' });
  const position = ruleModel({ family: 'position_based' });
  const weightsOf = (m: typeof first) => (j: ReturnType<typeof journeyOf>) => ruleWeights(m, j).weights;

  describe('direct (2 conversions), search > email (3), search > social > email (5)', () => {
    const rows = [
      { journey: journeyOf(['direct']), times: 2 },
      { journey: journeyOf(['search', 'email']), times: 3 },
      { journey: journeyOf(['search', 'social', 'email']), times: 5 },
    ];

    it('first touch gives direct 2 and search 8', () => {
      expectClose(sumChannels(rows, weightsOf(first)), { direct: 2, search: 8, email: 0, social: 0 });
    });

    it('last touch gives direct 2 and email 8', () => {
      expectClose(sumChannels(rows, weightsOf(last)), { direct: 2, email: 8, search: 0, social: 0 });
    });

    it('linear per touch gives direct 2, search 19/6, email 19/6, social 5/3', () => {
      expectClose(sumChannels(rows, weightsOf(linear)), {
        direct: 2,
        search: 19 / 6,
        email: 19 / 6,
        social: 5 / 3,
      });
    });

    it('position-based 40/20/40 gives direct 2, search 3.5, email 3.5, social 1', () => {
      expectClose(sumChannels(rows, weightsOf(position)), { direct: 2, search: 3.5, email: 3.5, social: 1 });
    });
  });

  describe('A > B > C and A > C, both converted', () => {
    const rows = [
      { journey: journeyOf(['A', 'B', 'C']), times: 1 },
      { journey: journeyOf(['A', 'C']), times: 1 },
    ];
    it('linear gives A 5/6, B 1/3, C 5/6', () => {
      expectClose(sumChannels(rows, weightsOf(linear)), { A: 5 / 6, B: 1 / 3, C: 5 / 6 });
    });
    it('position-based gives A 0.9, B 0.2, C 0.9', () => {
      expectClose(sumChannels(rows, weightsOf(position)), { A: 0.9, B: 0.2, C: 0.9 });
    });
  });

  it('time decay with a 1-hour half-life over touches at 01:00, 02:00, 03:00 gives 1/7, 2/7, 4/7', () => {
    const model = ruleModel({ family: 'time_decay', halfLifeDays: 1 / 24 });
    const at = (h: number) => T0 + h * HOUR;
    const journey = {
      ...journeyOf(['a', 'b', 'c']),
      touches: journeyOf(['a', 'b', 'c']).touches.map((t, i) => ({ ...t, at: at(i + 1) })),
      convertedAt: at(3),
    };
    const { weights } = ruleWeights(model, journey);
    [1 / 7, 2 / 7, 4 / 7].forEach((w, i) => expect(weights[i]).toBeCloseTo(w, 12));
  });

  describe('Markov removal effects, exactly from the absorbing chain', () => {
    it('A>B>A>B>B>A, A>B>B>A>A, A>A: removal effects A 1, B 0.5; credits A 2, B 1 (a truncating simulation gives 2.0995 / 0.9005)', () => {
      const r = markovAttribution([path('A>B>A>B>B>A', 1), path('A>B>B>A>A', 1), path('A>A', 1)]);
      expectClose(r.removalEffects, { A: 1, B: 0.5 });
      expectClose(r.credits, { A: 2, B: 1 });
      expect(r.credits.get('A')).not.toBeCloseTo(2.0995, 3);
    });

    it('a>b (3 conversions / 1 null) and a>c (1 / 1) credit a 2, b 1.5, c 0.5', () => {
      const r = markovAttribution([path('a>b', 3, 1), path('a>c', 1, 1)]);
      expectClose(r.credits, { a: 2, b: 1.5, c: 0.5 });
      expectClose(r.removalEffects, { a: 1, b: 0.75, c: 0.25 });
      expect(r.conversionProbability).toBeCloseTo(4 / 6, 12);
    });
  });

  describe('Shapley values over channels', () => {
    it('{a: 4, a>b: 6} credits a 7, b 3', () => {
      const r = shapleyAttribution([path('a', 4), path('a>b', 6)]);
      expect(r.exact).toBe(true);
      expectClose(r.credits, { a: 7, b: 3 });
    });
    it('a>b>c>d with 10 conversions credits 2.5 each', () => {
      expectClose(shapleyAttribution([path('a>b>c>d', 10)]).credits, { a: 2.5, b: 2.5, c: 2.5, d: 2.5 });
    });
    it('the same through the data-driven entry point, with the first-occurrence transform', () => {
      const r = dataDrivenAttribution([path('a', 4), path('a>b>a', 6)], { model: 'shapley' });
      expectClose(new Map(r.channels.map((c) => [c.channel, c.credit])), { a: 7, b: 3 });
    });
  });

  describe('a $10k opportunity after Google Ads, Facebook Ads, Google Ads, SDR', () => {
    const journey = journeyOf(['Google Ads', 'Facebook Ads', 'Google Ads', 'SDR'], {
      kinds: ['touchpoint', 'touchpoint', 'touchpoint', 'sales_activity'],
    });
    const revenue = { amountMinor: 1_000_000n, currency: 'USD' };
    const dollars = (m: typeof linear) =>
      Object.fromEntries(
        [...sumBy(creditJourney(m, journey, revenue).credits, (c) => c.channel)].map(([k, v]) => [
          k,
          Number(v.amountMinor) / 100,
        ]),
      );

    it('linear gives Google Ads 5000, Facebook Ads 2500, SDR 2500', () => {
      expect(dollars(ruleModel({ family: 'linear', touches: 'with_sales' }))).toEqual({
        'Google Ads': 5000,
        'Facebook Ads': 2500,
        SDR: 2500,
      });
    });
    it('position-based gives Google Ads 5000, SDR 4000, Facebook Ads 1000', () => {
      expect(dollars(ruleModel({ family: 'position_based', touches: 'with_sales' }))).toEqual({
        'Google Ads': 5000,
        SDR: 4000,
        'Facebook Ads': 1000,
      });
    });
  });
});
