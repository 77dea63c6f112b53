import { compareModels, type ComparedLead } from '../compare-models';
import {
  AT,
  aligned,
  alignedGuarded,
  daysBefore,
  fullCompanyFit,
  marketingView,
  salesView,
  signals,
  times,
  touch,
} from './builders';

const leads: ComparedLead[] = [
  // Fit 50 + content 10: aligned 60 (mql); marketing 45 + 10 = 55 (nurture); sales 50 + 5 = 55 (nurture).
  {
    leadId: 'content-reader',
    signals: signals(fullCompanyFit, [touch('content_download')]),
    outcome: 'rejected',
  },
  // Fit 50 + demo: hot in aligned (80) and sales (80); marketing 45 + 25 = 70 (mql).
  { leadId: 'demo', signals: signals(fullCompanyFit, [touch('demo_request')]), outcome: 'won' },
  // Free mail + fit 25 + demo 30: aligned 15 + 30 = 45 nurture; marketing 20 + 25 = 45 nurture; sales disqualified.
  {
    leadId: 'gmail',
    signals: signals({ employeeCount: 300, isFreeMail: true, emailDomain: 'gmail.com' }, [
      touch('demo_request'),
    ]),
    outcome: 'sql',
  },
  // Nothing: cold everywhere, no outcome.
  { leadId: 'nobody', signals: signals() },
  // Fit 50 + 3 pricing views + visit: 75 hot (aligned), 70 (marketing 45 + 25) mql, 73 (sales 50 + 23) mql.
  { leadId: 'pricing', signals: signals(fullCompanyFit, times(3, 'pricing_page_view')), outcome: 'lost' },
];

describe('compareModels', () => {
  const [alignedEntry, marketingEntry, salesEntry] = compareModels(
    [aligned, marketingView, salesView],
    leads,
    AT,
  );

  it('counts leads per band for each model', () => {
    expect(alignedEntry?.bandCounts).toEqual({ hot: 2, mql: 1, nurture: 1, cold: 1, disqualified: 0 });
    expect(marketingEntry?.bandCounts).toEqual({ hot: 0, mql: 2, nurture: 2, cold: 1, disqualified: 0 });
    expect(salesEntry?.bandCounts).toEqual({ hot: 1, mql: 1, nurture: 1, cold: 1, disqualified: 1 });
  });

  it('lists the leads whose band differs from the first model', () => {
    expect(alignedEntry?.bandChanges).toEqual([]);
    expect(marketingEntry?.bandChanges).toEqual([
      { leadId: 'content-reader', from: 'mql', to: 'nurture' },
      { leadId: 'demo', from: 'hot', to: 'mql' },
      { leadId: 'pricing', from: 'hot', to: 'mql' },
    ]);
    expect(salesEntry?.bandChanges).toEqual([
      { leadId: 'content-reader', from: 'mql', to: 'nurture' },
      { leadId: 'gmail', from: 'nurture', to: 'disqualified' },
      { leadId: 'pricing', from: 'hot', to: 'mql' },
    ]);
    expect(alignedEntry).toMatchObject({ modelId: 'aligned', modelVersion: 1 });
  });

  it('reports conversion per band over the leads with an outcome, lost counting as accepted and SQL', () => {
    expect(alignedEntry?.conversion.hot).toEqual({
      leads: 2,
      withOutcome: 2,
      accepted: 2,
      sql: 2,
      won: 1,
      acceptedRate: 1,
      sqlRate: 1,
      wonRate: 0.5,
    });
    expect(alignedEntry?.conversion.mql).toEqual({
      leads: 1,
      withOutcome: 1,
      accepted: 0,
      sql: 0,
      won: 0,
      acceptedRate: 0,
      sqlRate: 0,
      wonRate: 0,
    });
    expect(marketingEntry?.conversion.nurture).toEqual({
      leads: 2,
      withOutcome: 2,
      accepted: 1,
      sql: 1,
      won: 0,
      acceptedRate: 0.5,
      sqlRate: 0.5,
      wonRate: 0,
    });
  });

  it('reports no rate for a band without outcomes', () => {
    expect(alignedEntry?.conversion.cold).toEqual({
      leads: 1,
      withOutcome: 0,
      accepted: 0,
      sql: 0,
      won: 0,
      acceptedRate: null,
      sqlRate: null,
      wonRate: null,
    });
    expect(alignedEntry?.conversion.disqualified.leads).toBe(0);
  });

  it('rounds rates to 4 decimals', () => {
    const three: ComparedLead[] = ['accepted', 'rejected', 'rejected'].map((outcome, i) => ({
      leadId: `l${i}`,
      signals: signals(),
      outcome: outcome as ComparedLead['outcome'],
    }));
    expect(compareModels([aligned], three, AT)[0]?.conversion.cold.acceptedRate).toBe(0.3333);
  });

  it('shows on the same leads what the guarded model changes against the table', () => {
    const vp = signals({ ...fullCompanyFit, seniority: 'c_level_vp' });
    const [table, guarded] = compareModels(
      [aligned, alignedGuarded],
      [
        // Fit 75: hot by the table, capped to 50 (nurture) by the guarded model.
        { leadId: 'vp', signals: vp },
        // Company fit 50 + a 90-day-old demo request: 80 by the table, 50 + 15 (decayed) = 65 guarded.
        { leadId: 'old-demo', signals: signals(fullCompanyFit, [touch('demo_request', daysBefore(90))]) },
        // Company fit 50 + a content download today: 60 in both.
        { leadId: 'reader', signals: signals(fullCompanyFit, [touch('content_download')]) },
      ],
      AT,
    );
    expect(table).toMatchObject({ modelId: 'aligned', bandCounts: { hot: 2, mql: 1 } });
    expect(guarded).toMatchObject({ modelId: 'aligned-guarded', bandCounts: { mql: 2, nurture: 1 } });
    expect(guarded?.bandChanges).toEqual([
      { leadId: 'vp', from: 'hot', to: 'nurture' },
      { leadId: 'old-demo', from: 'hot', to: 'mql' },
    ]);
  });
});
