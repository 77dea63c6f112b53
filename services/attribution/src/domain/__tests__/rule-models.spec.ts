import { creditJourney } from '../credit-journey';
import { STANDARD_MODEL_SPECS, ruleModel } from '../model-catalog';
import { ruleWeights } from '../rule-weights';
import { HOUR, journeyOf, T0 } from './builders';

const weights = (spec: Parameters<typeof ruleModel>[0], j: ReturnType<typeof journeyOf>) =>
  ruleWeights(ruleModel(spec), j).weights.map((w) => Math.round(w * 1e9) / 1e9);

const milestones = (lc: number | null, oc: number | null = null, won: number | null = null) => ({
  leadCreatedAt: lc,
  opportunityCreatedAt: oc,
  wonAt: won,
});

describe('rule models: ids name their anchors and parameters', () => {
  it('names every standard model with its anchors and shares', () => {
    expect(STANDARD_MODEL_SPECS.map((s) => ruleModel(s).id)).toEqual([
      'first_touch',
      'last_touch',
      'linear',
      'u_shaped:first+lead_creation:40/40/20',
      'position_based:first+last:40/40/20',
      'w_shaped:first+lead_creation+opportunity_creation:30/30/30/10',
      'full_path:first+lead_creation+opportunity_creation+closed_won:22.5/22.5/22.5/22.5/10',
      'time_decay:half_life=P7D:normalized',
      'time_decay_unnormalized:half_life=P7D',
      'j_shaped:first+last:20/60/20',
      'inverse_j:first+last:60/20/20',
    ]);
  });

  it('names a custom model and whether it counts sales touches', () => {
    expect(
      ruleModel({
        family: 'custom',
        name: 'ours',
        shares: { first: 50, last: 30, rest: 20 },
        touches: 'with_sales',
      }).id,
    ).toBe('custom:ours:first+last:50/30/20:with_sales');
  });
});

describe('rule models: edge cases', () => {
  it('gives one touch all the credit under every model', () => {
    for (const spec of STANDARD_MODEL_SPECS.filter((s) => s.family !== 'time_decay_unnormalized'))
      expect(weights(spec, journeyOf(['a'], { milestones: milestones(T0) }))).toEqual([1]);
  });

  it('splits two touches 50/50 under 40/40/20 (the rest has no touch between the anchors)', () => {
    expect(weights({ family: 'position_based' }, journeyOf(['a', 'b']))).toEqual([0.5, 0.5]);
  });

  it('splits two touches 25/75 under J-shaped and 75/25 under inverse J', () => {
    expect(weights({ family: 'j_shaped' }, journeyOf(['a', 'b']))).toEqual([0.25, 0.75]);
    expect(weights({ family: 'inverse_j' }, journeyOf(['a', 'b']))).toEqual([0.75, 0.25]);
  });

  it('U-shaped: the lead-creation touch is the last touch at or before lead creation; later touches get nothing', () => {
    const j = journeyOf(['a', 'b', 'c', 'd', 'e'], { milestones: milestones(T0 + 2 * HOUR + 1) });
    expect(weights({ family: 'u_shaped' }, j)).toEqual([0.4, 0.2, 0.4, 0, 0]);
  });

  it('U-shaped: when the first touch created the lead, the anchors coincide and it takes everything before later touches', () => {
    const j = journeyOf(['a', 'b', 'c'], { milestones: milestones(T0) });
    expect(weights({ family: 'u_shaped' }, j)).toEqual([1, 0, 0]);
  });

  it('U-shaped: a lead created before any touch has no lead-creation touch; the first touch keeps the credit', () => {
    const j = journeyOf(['a', 'b'], { milestones: milestones(T0 - HOUR) });
    const m = ruleModel({ family: 'u_shaped' });
    expect(weights({ family: 'u_shaped' }, j)).toEqual([1, 0]);
    expect(creditJourney(m, j, null).anchorsUsed).toEqual([
      { anchor: 'first', touchId: 't000', at: T0 },
      { anchor: 'lead_creation', touchId: null, at: T0 - HOUR },
    ]);
  });

  it('W-shaped: 30/30/30 at first, lead and opportunity creation, 10 over the touches between', () => {
    const j = journeyOf(['a', 'b', 'c', 'd', 'e', 'f'], {
      milestones: milestones(T0 + 2 * HOUR, T0 + 4 * HOUR),
    });
    expect(weights({ family: 'w_shaped' }, j)).toEqual([0.3, 0.05, 0.3, 0.05, 0.3, 0]);
  });

  it('W-shaped: without an opportunity the share of its anchor goes to the other anchors in proportion', () => {
    const j = journeyOf(['a', 'b', 'c'], { milestones: milestones(T0 + 2 * HOUR) });
    // first 0.3, lead creation 0.3, rest 0.1 over b; total 0.7.
    expect(weights({ family: 'w_shaped' }, j)).toEqual([0.428571429, 0.142857143, 0.428571429]);
  });

  it('full path: 22.5 at each of four anchors and 10 between', () => {
    const j = journeyOf(['a', 'b', 'c', 'd', 'e'], {
      milestones: milestones(T0 + HOUR, T0 + 2 * HOUR, T0 + 4 * HOUR),
    });
    // a first, b lead, c opportunity, e won; d between.
    expect(weights({ family: 'full_path' }, j)).toEqual([0.225, 0.225, 0.225, 0.1, 0.225]);
  });

  it('counts repeated touches of one channel each (the channel sums them)', () => {
    expect(weights({ family: 'linear' }, journeyOf(['a', 'a', 'b', 'a']))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('credits nothing for a journey without touches', () => {
    expect(weights({ family: 'linear' }, journeyOf([]))).toEqual([]);
    expect(
      creditJourney(ruleModel({ family: 'linear' }), journeyOf([]), { amountMinor: 100n, currency: 'EUR' })
        .credits,
    ).toEqual([]);
  });

  it('un-normalised time decay reports each touch its raw decay factor and no money', () => {
    const m = ruleModel({ family: 'time_decay_unnormalized', halfLifeDays: 1 });
    const j = journeyOf(['a', 'b'], { convertedAt: T0 + 24 * HOUR });
    const c = creditJourney(m, j, { amountMinor: 1000n, currency: 'EUR' });
    expect(c.credits.map((x) => x.weight)).toEqual([0.5, 2 ** (-23 / 24)]);
    expect(c.credits.map((x) => x.amountMinor)).toEqual([null, null]);
  });

  it('a custom model whose only anchor has no touch shares alike over the journey', () => {
    const spec = { family: 'custom' as const, name: 'lc-only', shares: { lead_creation: 100 } };
    expect(weights(spec, journeyOf(['a', 'b']))).toEqual([0.5, 0.5]);
  });
});
