import { DAY_MS } from '../duration';
import { bandForTotal } from '../band-for-total';
import type { LeadSignals } from '../lead-signals';
import { scoreLead } from '../score-lead';
import type { ScoringModel } from '../scoring-model';
import {
  AT,
  HOUR_MS,
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

// The table sales and marketing agreed on: the aligned column, and each team's own column.
const alignedColumn = {
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
};
const agreedTable: Record<string, Record<string, number>> = {
  aligned: alignedColumn,
  // The guarded variant keeps the table's points; only its caps and decay differ.
  'aligned-guarded': alignedColumn,
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

const models: ScoringModel[] = [aligned, alignedGuarded, marketingView, salesView];
/** The table's columns as models: the points add up, nothing capped, nothing decayed. */
const tableModels: ScoringModel[] = [aligned, marketingView, salesView];

const everyEngagement = (at = AT) =>
  signals({}, [
    touch('demo_request', at),
    ...times(3, 'pricing_page_view', at),
    touch('content_download', at),
    touch('page_view', at),
  ]);
const everyFit = signals({ ...fullCompanyFit, seniority: 'c_level_vp' });

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
      expect(score.adjustments).toEqual([]);
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
        [130, 'hot'],
      ];
      for (const [total, band] of cases)
        expect([total, bandForTotal(model.bands, total)]).toEqual([total, band]);
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

  describe.each(tableModels.map((m) => [m.id, m] as const))('%s, a column of the table', (id, model) => {
    const points = (ruleIds: string[]) => ruleIds.reduce((sum, r) => sum + (agreedTable[id]?.[r] ?? 0), 0);

    it('has no caps and no decay', () => {
      expect(model.caps).toEqual({ groups: {} });
      expect(model.rules.filter((r) => r.kind === 'engagement' && r.halfLifeDays !== undefined)).toEqual([]);
    });

    it('adds up every fit point and every engagement point, with nothing to adjust', () => {
      const fit = points([
        'fit-employee-count',
        'fit-target-industry',
        'fit-geography',
        'fit-seniority-c-level-vp',
      ]);
      const engagement = points([
        'engagement-demo-request',
        'engagement-pricing-page',
        'engagement-content-download',
        'engagement-website-visit',
      ]);
      expect(scoreLead(model, everyFit, AT)).toMatchObject({
        fit,
        engagement: 0,
        total: fit,
        adjustments: [],
      });
      const both = scoreLead(model, { ...everyEngagement(), profile: everyFit.profile }, AT);
      expect(both).toMatchObject({ fit, engagement, total: fit + engagement, band: 'hot', adjustments: [] });
    });

    it('keeps the full points of a touchpoint a year old', () => {
      const score = scoreLead(model, everyEngagement(daysBefore(365)), AT);
      expect(score.firedRules.map((r) => r.ruleId)).toEqual([
        'engagement-demo-request',
        'engagement-content-download',
        'engagement-website-visit',
      ]);
      expect(score.engagement).toBe(
        points(['engagement-demo-request', 'engagement-content-download', 'engagement-website-visit']),
      );
    });
  });

  describe('aligned band edges with constructed leads (the points add up)', () => {
    it.each([
      ['cold at 40: size + industry', signals({ employeeCount: 250, industry: 'saas' }), 40, 'cold'],
      [
        'nurture at 45: size + geography + a content download',
        signals({ employeeCount: 250, region: 'NA' }, [touch('content_download')]),
        45,
        'nurture',
      ],
      ['nurture at 55: company fit + a visit', signals(fullCompanyFit, [touch('page_view')]), 55, 'nurture'],
      [
        'mql at 60: company fit + a content download',
        signals(fullCompanyFit, [touch('content_download')]),
        60,
        'mql',
      ],
      [
        'mql at 70: company fit + manager + a content download',
        signals({ ...fullCompanyFit, seniority: 'manager' }, [touch('content_download')]),
        70,
        'mql',
      ],
      [
        'hot at 75: company fit + 3 pricing views (and the visit they make)',
        signals(fullCompanyFit, times(3, 'pricing_page_view')),
        75,
        'hot',
      ],
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

    it('makes a fitting VP hot on fit alone, where the guarded model keeps it in nurture', () => {
      const vp = signals({ employeeCount: 450, industry: 'software', region: 'NA', seniority: 'c_level_vp' });
      expect(scoreLead(aligned, vp, AT)).toMatchObject({ fit: 75, total: 75, band: 'hot', adjustments: [] });
      expect(scoreLead(alignedGuarded, vp, AT)).toMatchObject({ fit: 50, total: 50, band: 'nurture' });
    });
  });

  describe('aligned-guarded: the table with caps and decay', () => {
    it('caps fit at 50, engagement at 50 and the total at 100', () => {
      expect(alignedGuarded.caps).toEqual({ total: 100, fit: 50, engagement: 50, groups: {} });
    });

    it('keeps fit alone and engagement alone below MQL, and lists each cap that took points off', () => {
      expect(scoreLead(alignedGuarded, everyFit, AT)).toMatchObject({
        fit: 50,
        engagement: 0,
        total: 50,
        band: 'nurture',
        adjustments: [
          {
            kind: 'cap',
            group: 'fit',
            limit: 50,
            before: 75,
            after: 50,
            detail: 'fit capped at 50 (was 75)',
          },
        ],
      });
      expect(scoreLead(alignedGuarded, everyEngagement(), AT)).toMatchObject({
        fit: 0,
        engagement: 50,
        total: 50,
        band: 'nurture',
        adjustments: [{ kind: 'cap', group: 'engagement', limit: 50, before: 65, after: 50 }],
      });
    });

    it('lists both caps when fit and engagement are both capped (the total cap is not reached)', () => {
      const score = scoreLead(alignedGuarded, { ...everyEngagement(), profile: everyFit.profile }, AT);
      expect(score).toMatchObject({ fit: 50, engagement: 50, total: 100, band: 'hot' });
      expect(score.adjustments.map((a) => [a.group, a.before, a.after])).toEqual([
        ['fit', 75, 50],
        ['engagement', 65, 50],
      ]);
    });

    it('decays engagement with a 90-day half-life', () => {
      for (const rule of alignedGuarded.rules)
        if (rule.kind === 'engagement') expect([rule.id, rule.halfLifeDays]).toEqual([rule.id, 90]);
      const lead = signals({}, [touch('demo_request', daysBefore(90))]);
      expect(scoreLead(alignedGuarded, lead, AT).engagement).toBe(15);
      expect(scoreLead(alignedGuarded, lead, AT + 90 * DAY_MS).engagement).toBe(7.5);
    });

    // Decay moves a lead across band edges over time; the table's models never do.
    const nurtureEdge = (downloadedAt: number) =>
      signals({ employeeCount: 250, region: 'NA' }, [touch('content_download', downloadedAt)]);
    const mqlEdge = (downloadedAt: number) =>
      signals(fullCompanyFit, [touch('content_download', downloadedAt)]);
    const hotEdge = (viewedAt: number) => signals(fullCompanyFit, times(3, 'pricing_page_view', viewedAt));

    it.each([
      ['cold at 44.92 (aligned: 45)', nurtureEdge(daysBefore(1)), 44.92, 'cold', 45],
      ['nurture at 45', nurtureEdge(AT), 45, 'nurture', 45],
      ['nurture at 59.92 (aligned: 60)', mqlEdge(daysBefore(1)), 59.92, 'nurture', 60],
      ['mql at 60', mqlEdge(AT), 60, 'mql', 60],
      ['mql at 74.99 (aligned: 75)', hotEdge(AT - HOUR_MS), 74.99, 'mql', 75],
      ['hot at 75', hotEdge(AT), 75, 'hot', 75],
    ] as const)('%s', (_name, lead, total, band, alignedTotal) => {
      expect(scoreLead(alignedGuarded, lead, AT)).toMatchObject({ total, band });
      expect(scoreLead(aligned, lead, AT).total).toBe(alignedTotal);
    });
  });

  describe('free-mail decisions', () => {
    const freeMailLead = signals({ employeeCount: 250, isFreeMail: true, emailDomain: 'gmail.com' }, [
      touch('demo_request'),
    ]);

    it.each([aligned, alignedGuarded])('$id: free mail costs 10 fit points', (model) => {
      const score = scoreLead(model, freeMailLead, AT);
      expect(score.firedRules.find((r) => r.ruleId === 'fit-free-mail')?.points).toBe(-10);
      expect(score).toMatchObject({ fit: 15, engagement: 30, total: 45, adjustments: [] });
    });

    it('aligned: the penalty never takes fit below 0 nor touches engagement, and the floor is explained', () => {
      const score = scoreLead(aligned, signals({ isFreeMail: true }, [touch('demo_request')]), AT);
      expect(score).toMatchObject({ fit: 0, engagement: 30, total: 30 });
      expect(score.adjustments).toEqual([
        {
          kind: 'floor',
          group: 'fit',
          limit: 0,
          before: -10,
          after: 0,
          detail: 'fit floored at 0 (was -10)',
        },
      ]);
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
