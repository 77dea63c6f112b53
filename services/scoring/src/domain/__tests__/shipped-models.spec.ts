import { bandForTotal } from '../band-for-total';
import type { LeadSignals } from '../lead-signals';
import { scoreLead } from '../score-lead';
import type { ScoringModel } from '../scoring-model';
import {
  AT,
  HOUR_MS,
  aligned,
  daysBefore,
  fullCompanyFit,
  marketingView,
  salesView,
  signals,
  times,
  touch,
} from './builders';

// One constructed lead per rule: only that rule (plus, for pricing, the website-visit rule) can fire.
const ruleCases: [ruleId: string, lead: LeadSignals][] = [
  ['fit-employee-count', signals({ employeeCount: 100 })],
  ['fit-target-industry', signals({ industry: 'saas' })],
  ['fit-geography', signals({ region: 'EMEA' })],
  ['fit-seniority-c-level-vp', signals({ seniority: 'c_level_vp' })],
  ['fit-seniority-director', signals({ seniority: 'director' })],
  ['fit-seniority-manager', signals({ seniority: 'manager' })],
  ['engagement-demo-request', signals({}, [touch('demo_request')])],
  ['engagement-pricing-page', signals({}, times(3, 'pricing_page_view'))],
  ['engagement-content-download', signals({}, [touch('content_download')])],
  ['engagement-website-visit', signals({}, [touch('page_view')])],
];

const agreedTable: Record<string, Record<string, number>> = {
  aligned: {
    'fit-employee-count': 25,
    'fit-target-industry': 15,
    'fit-geography': 10,
    'fit-seniority-c-level-vp': 25,
    'fit-seniority-director': 15,
    'fit-seniority-manager': 10,
    'engagement-demo-request': 30,
    'engagement-pricing-page': 20,
    'engagement-content-download': 10,
    'engagement-website-visit': 5,
  },
  'marketing-view': {
    'fit-employee-count': 20,
    'fit-target-industry': 15,
    'fit-geography': 10,
    'fit-seniority-c-level-vp': 20,
    'fit-seniority-director': 15,
    'fit-seniority-manager': 10,
    'engagement-demo-request': 25,
    'engagement-pricing-page': 20,
    'engagement-content-download': 10,
    'engagement-website-visit': 5,
  },
  'sales-view': {
    'fit-employee-count': 25,
    'fit-target-industry': 15,
    'fit-geography': 10,
    'fit-seniority-c-level-vp': 25,
    'fit-seniority-director': 15,
    'fit-seniority-manager': 5,
    'engagement-demo-request': 30,
    'engagement-pricing-page': 20,
    'engagement-content-download': 5,
    'engagement-website-visit': 3,
  },
};

const models: ScoringModel[] = [aligned, marketingView, salesView];

describe('shipped scoring models', () => {
  describe.each(models.map((m) => [m.id, m] as const))('%s', (id, model) => {
    const table = agreedTable[id] ?? {};

    it('has exactly the rules of the agreed table plus its free-mail decision', () => {
      const ids = model.rules.map((r) => r.id).filter((r) => r !== 'fit-free-mail');
      expect(ids.sort()).toEqual(Object.keys(table).sort());
    });

    it.each(ruleCases)('awards the agreed points for %s', (ruleId, lead) => {
      const score = scoreLead(model, lead, AT);
      const fired = score.firedRules.find((r) => r.ruleId === ruleId);
      expect(fired?.points).toBe(table[ruleId]);
      const rule = model.rules.find((r) => r.id === ruleId);
      // A rule alone lands in its sub-score untouched (the pricing lead also earns the website visit).
      const visit = ruleId === 'engagement-pricing-page' ? (table['engagement-website-visit'] ?? 0) : 0;
      expect(rule?.kind === 'fit' ? score.fit : score.engagement).toBe((table[ruleId] ?? 0) + visit);
    });

    it('uses the agreed band thresholds 75 / 60 / 45', () => {
      const cases: [number, string][] = [
        [0, 'cold'],
        [44, 'cold'],
        [44.99, 'cold'],
        [45, 'nurture'],
        [59, 'nurture'],
        [59.99, 'nurture'],
        [60, 'mql'],
        [74, 'mql'],
        [74.99, 'mql'],
        [75, 'hot'],
        [100, 'hot'],
      ];
      for (const [total, band] of cases)
        expect([total, bandForTotal(model.bands, total)]).toEqual([total, band]);
    });

    it('caps fit at 50 and engagement at 50, so neither alone reaches MQL', () => {
      const allFit = scoreLead(model, signals({ ...fullCompanyFit, seniority: 'c_level_vp' }), AT);
      expect(allFit).toMatchObject({ fit: 50, engagement: 0, total: 50, band: 'nurture' });
      const allEngagement = scoreLead(
        model,
        signals({}, [
          touch('demo_request'),
          ...times(3, 'pricing_page_view'),
          touch('content_download'),
          touch('page_view'),
        ]),
        AT,
      );
      expect(allEngagement).toMatchObject({ fit: 0, engagement: 50, total: 50, band: 'nurture' });
    });

    it('disqualifies competitors (also from subdomains) and students', () => {
      expect(
        scoreLead(model, signals({ ...fullCompanyFit, emailDomain: 'eu.hubspot.com' }), AT),
      ).toMatchObject({
        band: 'disqualified',
        total: 0,
        disqualifiedBy: 'competitor',
      });
      expect(scoreLead(model, signals({ ...fullCompanyFit, isStudent: true }), AT)).toMatchObject({
        band: 'disqualified',
        disqualifiedBy: 'student',
      });
    });

    it('counts a website visit once however many pages were viewed', () => {
      expect(scoreLead(model, signals({}, times(10, 'page_view')), AT).engagement).toBe(
        table['engagement-website-visit'],
      );
    });
  });

  describe('aligned band edges with constructed leads', () => {
    // Fit 35 (size + geography) + a content download: 45 today, just under a day later.
    const nurtureEdge = (downloadedAt: number) =>
      signals({ employeeCount: 250, region: 'NA' }, [touch('content_download', downloadedAt)]);
    // Fit 50 + a content download.
    const mqlEdge = (downloadedAt: number) =>
      signals(fullCompanyFit, [touch('content_download', downloadedAt)]);
    // Fit 50 + three pricing views (20) + the website visit they make (5).
    const hotEdge = (viewedAt: number) => signals(fullCompanyFit, times(3, 'pricing_page_view', viewedAt));

    it.each([
      ['cold at 44.92', nurtureEdge(daysBefore(1)), 44.92, 'cold'],
      ['nurture at 45', nurtureEdge(AT), 45, 'nurture'],
      ['nurture at 59.92', mqlEdge(daysBefore(1)), 59.92, 'nurture'],
      ['mql at 60', mqlEdge(AT), 60, 'mql'],
      ['mql at 74.99', hotEdge(AT - HOUR_MS), 74.99, 'mql'],
      ['hot at 75', hotEdge(AT), 75, 'hot'],
    ] as const)('%s', (_name, lead, total, band) => {
      expect(scoreLead(aligned, lead, AT)).toMatchObject({ total, band });
    });

    it('makes a manager at a fitting company who requests a demo hot', () => {
      const score = scoreLead(
        aligned,
        signals({ employeeCount: 300, region: 'EMEA', seniority: 'manager' }, [touch('demo_request')]),
        AT,
      );
      expect(score).toMatchObject({ fit: 45, engagement: 30, total: 75, band: 'hot' });
    });
  });

  describe('free-mail decisions', () => {
    const freeMailLead = signals({ employeeCount: 250, isFreeMail: true, emailDomain: 'gmail.com' }, [
      touch('demo_request'),
    ]);

    it('aligned: free mail costs 10 fit points', () => {
      const score = scoreLead(aligned, freeMailLead, AT);
      expect(score.firedRules.find((r) => r.ruleId === 'fit-free-mail')?.points).toBe(-10);
      expect(score).toMatchObject({ fit: 15, engagement: 30, total: 45 });
    });

    it('aligned: the penalty never takes fit below 0 nor touches engagement', () => {
      const score = scoreLead(aligned, signals({ isFreeMail: true }, [touch('demo_request')]), AT);
      expect(score).toMatchObject({ fit: 0, engagement: 30, total: 30 });
    });

    it('marketing view: free mail is not penalised', () => {
      expect(scoreLead(marketingView, freeMailLead, AT)).toMatchObject({
        fit: 20,
        engagement: 25,
        total: 45,
      });
    });

    it('sales view: free mail disqualifies', () => {
      expect(scoreLead(salesView, freeMailLead, AT)).toMatchObject({
        band: 'disqualified',
        total: 0,
        disqualifiedBy: 'free-mail address',
      });
    });
  });
});
