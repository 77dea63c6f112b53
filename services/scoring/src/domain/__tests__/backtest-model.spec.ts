import { DAY_MS } from '../duration';
import { backtestModel, type BacktestLead } from '../backtest-model';
import type { LeadOutcome } from '../compare-models';
import type { ScoringModel } from '../scoring-model';
import { AT, aligned, profile, touch } from './builders';

const period = { from: AT - 30 * DAY_MS, to: AT };
const inPeriod = (day: number) => period.from + day * DAY_MS;

/** The aligned model with the MQL threshold lowered from 60 to 50. */
const lowerThreshold: ScoringModel = {
  ...aligned,
  version: 2,
  bands: aligned.bands.map((b) => (b.band === 'mql' ? { ...b, min: 50 } : b)),
};

const fit50 = profile({ employeeCount: 500, industry: 'software', region: 'NA' }); // 25 + 15 + 10
const fit65 = profile({ ...fit50, seniority: 'director' }); // + 15

const lead = (
  leadId: string,
  over: Partial<BacktestLead> & { outcome?: LeadOutcome | null } = {},
): BacktestLead => ({
  leadId,
  profile: null,
  profileAt: null,
  touchpoints: [],
  outcome: null,
  ...over,
});

const history: BacktestLead[] = [
  lead('a-mql-won', { profile: fit65, profileAt: inPeriod(1), outcome: 'won' }),
  lead('b-nurture-accepted', { profile: fit50, profileAt: inPeriod(2), outcome: 'accepted' }),
  lead('c-nurture-rejected', { profile: fit50, profileAt: inPeriod(3), outcome: 'rejected' }),
  lead('d-cold-accepted', { touchpoints: [touch('page_view', inPeriod(4))], outcome: 'accepted' }),
  // Only active before the period: not one of its leads.
  lead('e-before', { profile: fit65, profileAt: period.from - DAY_MS, outcome: 'won' }),
  // The demo request comes after the period: at event time it is not known (40 would be 70 with it).
  lead('f-late-demo', {
    profile: profile({ employeeCount: 500, industry: 'software' }),
    profileAt: inPeriod(5),
    touchpoints: [touch('demo_request', period.to + DAY_MS)],
  }),
  // The profile arrives after the period: in the period the lead is scored on engagement alone.
  lead('h-late-profile', {
    profile: fit65,
    profileAt: period.to + DAY_MS,
    touchpoints: [touch('page_view', inPeriod(6))],
  }),
];

describe('backtestModel', () => {
  const report = backtestModel(aligned, lowerThreshold, history, period, 10);

  it("replays only the period's leads, at event time", () => {
    expect(report.leads).toBe(6);
    expect(report.published.bandCounts).toEqual({ hot: 0, mql: 1, nurture: 2, cold: 3, disqualified: 0 });
    expect(report.candidate.bandCounts).toEqual({ hot: 0, mql: 3, nurture: 0, cold: 3, disqualified: 0 });
  });

  it('counts the MQLs each model produces', () => {
    expect([report.published.mqls, report.candidate.mqls]).toEqual([1, 3]);
  });

  it('gives precision and recall of the MQL threshold against accepted, qualified and won', () => {
    // accepted (or further): a, b, d; qualified and won: a.
    expect(report.published.precisionRecall).toEqual({
      accepted: { positives: 3, truePositives: 1, precision: 1, recall: 0.3333 },
      qualified: { positives: 1, truePositives: 1, precision: 1, recall: 1 },
      won: { positives: 1, truePositives: 1, precision: 1, recall: 1 },
    });
    expect(report.candidate.precisionRecall).toEqual({
      accepted: { positives: 3, truePositives: 2, precision: 0.6667, recall: 0.6667 },
      qualified: { positives: 1, truePositives: 1, precision: 0.3333, recall: 1 },
      won: { positives: 1, truePositives: 1, precision: 0.3333, recall: 1 },
    });
  });

  it('gives the lift of each band against the base rate', () => {
    expect(report.baseRates).toEqual({ accepted: 0.5, qualified: 0.1667, won: 0.1667 });
    // candidate mql: a, b, c -> 2 of 3 accepted: 0.6667 / 0.5
    expect(report.candidate.liftPerBand.mql.targets.accepted).toEqual({
      converted: 2,
      rate: 0.6667,
      lift: 1.33,
    });
    expect(report.published.liftPerBand.mql.targets.accepted).toEqual({ converted: 1, rate: 1, lift: 2 });
    expect(report.published.liftPerBand.hot).toEqual({
      leads: 0,
      targets: {
        accepted: { converted: 0, rate: null, lift: null },
        qualified: { converted: 0, rate: null, lift: null },
        won: { converted: 0, rate: null, lift: null },
      },
    });
  });

  it('lists the leads that change band with the reason', () => {
    expect(report.bandChanges).toMatchObject({ count: 2, up: 2, down: 0 });
    expect(report.bandChanges.sample).toEqual([
      {
        leadId: 'b-nurture-accepted',
        from: 'nurture',
        to: 'mql',
        publishedTotal: 50,
        candidateTotal: 50,
        outcome: 'accepted',
        reasons: ['mql starts at 50 (published: 60)', 'total 50 -> 50'],
      },
      expect.objectContaining({ leadId: 'c-nurture-rejected', from: 'nurture', to: 'mql' }),
    ]);
    expect(report.bandTransitions).toEqual([
      { from: 'mql', to: 'mql', leads: 1 },
      { from: 'nurture', to: 'mql', leads: 2 },
      { from: 'cold', to: 'cold', leads: 3 },
    ]);
  });

  it('explains a rule change by the rules that fire differently', () => {
    const noDirector: ScoringModel = {
      ...aligned,
      version: 3,
      rules: aligned.rules.filter((r) => r.id !== 'fit-seniority-director'),
    };
    const changed = backtestModel(aligned, noDirector, history, period, 1);
    expect(changed.bandChanges.count).toBe(1);
    expect(changed.bandChanges.sample[0]).toMatchObject({
      leadId: 'a-mql-won',
      from: 'mql',
      to: 'nurture',
      reasons: ['fit-seniority-director no longer fires (was +15)', 'total 65 -> 50'],
    });
  });

  it('keeps the sample to the size asked, the count complete', () => {
    const small = backtestModel(aligned, lowerThreshold, history, period, 1);
    expect(small.bandChanges.count).toBe(2);
    expect(small.bandChanges.sample).toHaveLength(1);
  });

  it('writes a summary a meeting can read, with the figures', () => {
    expect(report.summary).toEqual([
      'Candidate aligned v2 against the published aligned v1: 6 leads active from 2025-02-13 to 2025-03-15 (UTC), replayed at event time.',
      'MQLs: 1 -> 3 (+2).',
      'Against accepted by sales (3 leads): precision 100.0% -> 66.7%, recall 33.3% -> 66.7%.',
      'Against qualified (SQL) (1 leads): precision 100.0% -> 33.3%, recall 100.0% -> 100.0%.',
      'Against won (1 leads): precision 100.0% -> 33.3%, recall 100.0% -> 100.0%.',
      'Leads per band: hot 0 -> 0, mql 1 -> 3, nurture 2 -> 0, cold 3 -> 3, disqualified 0 -> 0.',
      '2 leads change band (2 up, 0 down); e.g. b-nurture-accepted nurture -> mql: mql starts at 50 (published: 60).',
      expect.stringMatching(
        /^Top score decile converts to accepted at .+x the average under the published model/,
      ),
    ]);
  });
});

describe('backtestModel: score deciles', () => {
  // 100 leads whose fit rises with their index; only the top tenth converts.
  const many: BacktestLead[] = Array.from({ length: 100 }, (_, i) =>
    lead(`lead-${String(i).padStart(3, '0')}`, {
      profile: profile({
        employeeCount: i >= 50 ? 500 : 5,
        industry: i >= 70 ? 'software' : 'retail',
        region: i >= 90 ? 'NA' : 'APAC',
      }),
      profileAt: inPeriod(1),
      outcome: i >= 90 ? 'accepted' : null,
    }),
  );
  const report = backtestModel(aligned, aligned, many, period, 5);

  it('splits the leads into ten deciles by score, highest first, with lift against the base rate', () => {
    const deciles = report.published.liftPerDecile;
    expect(deciles.map((d) => d.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(deciles.every((d) => d.leads === 10)).toBe(true);
    expect(deciles[0]).toMatchObject({
      minTotal: 50,
      maxTotal: 50,
      targets: { accepted: { converted: 10, rate: 1, lift: 10 } },
    });
    expect(deciles[1]?.targets.accepted).toEqual({ converted: 0, rate: 0, lift: 0 });
    deciles.slice(1).forEach((d, i) => expect(d.maxTotal).toBeLessThanOrEqual(deciles[i]?.minTotal ?? 0));
  });

  it('reports no band change for the same model', () => {
    expect(report.bandChanges).toEqual({ count: 0, up: 0, down: 0, sample: [] });
    expect(report.summary).toContain('No lead changes band.');
  });
});
