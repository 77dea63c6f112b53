import { DAY_MS } from '../duration';
import { scoreLead } from '../score-lead';
import {
  AT,
  aligned,
  alignedGuarded,
  daysBefore,
  fullCompanyFit,
  minimalModelDocument,
  modelFrom,
  signals,
  times,
  touch,
} from './builders';

const firedPoints = (score: ReturnType<typeof scoreLead>, ruleId: string) =>
  score.firedRules.find((r) => r.ruleId === ruleId)?.points;

describe('scoreLead', () => {
  it('reports the model id and version it scored with', () => {
    expect(scoreLead(aligned, signals(), AT)).toMatchObject({
      modelId: 'aligned',
      modelVersion: 1,
      at: AT,
      total: 0,
      band: 'cold',
      firedRules: [],
      adjustments: [],
    });
  });

  it('ignores touchpoints that happen after the evaluation time', () => {
    const score = scoreLead(aligned, signals({}, [touch('demo_request', AT + 1)]), AT);
    expect(score.engagement).toBe(0);
    expect(scoreLead(aligned, signals({}, [touch('demo_request', AT)]), AT).engagement).toBe(30);
  });

  it('fires the pricing rule only once 3 pricing page views fall within 30 days', () => {
    const two = signals({}, times(2, 'pricing_page_view', daysBefore(1)));
    expect(firedPoints(scoreLead(aligned, two, AT), 'engagement-pricing-page')).toBeUndefined();
    const threeInWindow = signals({}, [
      ...times(2, 'pricing_page_view', AT),
      touch('pricing_page_view', daysBefore(30)),
    ]);
    expect(
      scoreLead(aligned, threeInWindow, AT).firedRules.find((r) => r.ruleId === 'engagement-pricing-page')
        ?.detail,
    ).toBe('3 pricing page visits within 30 days');
    expect(
      scoreLead(alignedGuarded, threeInWindow, AT).firedRules.find(
        (r) => r.ruleId === 'engagement-pricing-page',
      )?.detail,
    ).toBe('3 pricing page visits within 30 days (half-life 90 days)');
    const thirdTooOld = signals({}, [
      ...times(2, 'pricing_page_view', AT),
      touch('pricing_page_view', daysBefore(30) - 1),
    ]);
    expect(firedPoints(scoreLead(aligned, thirdTooOld, AT), 'engagement-pricing-page')).toBeUndefined();
  });

  it('ages a count rule from the moment its threshold was reached (the 3rd most recent view)', () => {
    const lead = signals({}, [
      touch('pricing_page_view', daysBefore(90)),
      touch('pricing_page_view', daysBefore(10)),
      touch('pricing_page_view', AT),
    ]);
    // The oldest view is outside the 30-day window: only 2 count.
    expect(firedPoints(scoreLead(alignedGuarded, lead, AT), 'engagement-pricing-page')).toBeUndefined();
    const inWindow = signals({}, [
      touch('pricing_page_view', daysBefore(20)),
      touch('pricing_page_view', daysBefore(10)),
      touch('pricing_page_view', AT),
      touch('pricing_page_view', daysBefore(25)),
    ]);
    // The 3rd most recent is 20 days old: 20 * 0.5^(20/90).
    expect(firedPoints(scoreLead(alignedGuarded, inWindow, AT), 'engagement-pricing-page')).toBe(
      Math.round(20 * Math.pow(0.5, 20 / 90) * 100) / 100,
    );
  });

  it('halves engagement points after one half-life, computed at the evaluation time', () => {
    const lead = signals({}, [touch('demo_request', daysBefore(90))]);
    expect(scoreLead(alignedGuarded, lead, AT).engagement).toBe(15);
    expect(scoreLead(alignedGuarded, lead, AT + 90 * DAY_MS).engagement).toBe(7.5);
  });

  it('ages a once-rule from its most recent qualifying touchpoint', () => {
    const lead = signals({}, [
      touch('content_download', daysBefore(180)),
      touch('content_download', daysBefore(90)),
    ]);
    expect(scoreLead(alignedGuarded, lead, AT).engagement).toBe(5);
  });

  it('awards per-occurrence rules for every qualifying touchpoint once the threshold is met, each aged on its own', () => {
    const doc = minimalModelDocument();
    doc.rules = [
      {
        id: 'webinars',
        kind: 'engagement',
        name: 'webinars',
        points: 8,
        touchpointTypes: ['webinar'],
        minCount: 2,
        scoring: 'per_occurrence',
        halfLifeDays: 10,
      },
    ];
    const model = modelFrom(doc);
    expect(scoreLead(model, signals({}, [touch('webinar')]), AT).engagement).toBe(0);
    expect(
      scoreLead(model, signals({}, [touch('webinar'), touch('webinar', daysBefore(10))]), AT).engagement,
    ).toBe(12);
  });

  it('counts a redelivered touchpoint once', () => {
    const doc = minimalModelDocument();
    doc.rules = [
      {
        id: 'clicks',
        kind: 'engagement',
        name: 'clicks',
        points: 2,
        touchpointTypes: ['email_click'],
        scoring: 'per_occurrence',
      },
    ];
    const model = modelFrom(doc);
    const click = touch('email_click', AT, 'same-id');
    expect(scoreLead(model, signals({}, [click, { ...click }, touch('email_click')]), AT).engagement).toBe(4);
  });

  it('caps a named group before the sub-score cap', () => {
    const doc = minimalModelDocument();
    doc.rules = [
      {
        id: 'clicks',
        kind: 'engagement',
        name: 'clicks',
        group: 'email',
        points: 4,
        touchpointTypes: ['email_click'],
        scoring: 'per_occurrence',
      },
      { id: 'demo', kind: 'engagement', name: 'demos', points: 30, touchpointTypes: ['demo_request'] },
    ];
    doc.caps = { total: 100, fit: 60, engagement: 40, groups: { email: 10 } };
    const model = modelFrom(doc);
    const score = scoreLead(model, signals({}, [...times(5, 'email_click'), touch('demo_request')]), AT);
    expect(firedPoints(score, 'clicks')).toBe(20);
    expect(score.engagement).toBe(40);
    expect(score.adjustments).toEqual([
      {
        kind: 'cap',
        group: 'engagement',
        capGroup: 'email',
        limit: 10,
        before: 20,
        after: 10,
        detail: 'engagement group email capped at 10 (was 20)',
      },
    ]);
    // 10 (the capped group) + 30 reaches the engagement cap without exceeding it: nothing more to list.
    expect(scoreLead(model, signals({}, times(5, 'email_click')), AT).engagement).toBe(10);
  });

  it('applies penalties but floors each sub-score and the total at 0', () => {
    const doc = minimalModelDocument();
    doc.rules = [
      {
        id: 'fit-size',
        kind: 'fit',
        name: 'size',
        points: 10,
        condition: { kind: 'employee_count', min: 10 },
      },
      {
        id: 'no-geo',
        kind: 'fit',
        name: 'outside target',
        points: -25,
        condition: { kind: 'not', condition: { kind: 'target_geography' } },
      },
      { id: 'visit', kind: 'engagement', name: 'visits', points: 5, touchpointTypes: ['page_view'] },
    ];
    const model = modelFrom(doc);
    const penalised = scoreLead(
      model,
      signals({ employeeCount: 50, region: 'APAC' }, [touch('page_view')]),
      AT,
    );
    expect(penalised).toMatchObject({ fit: 0, engagement: 5, total: 5 });
    expect(penalised.adjustments).toEqual([
      { kind: 'floor', group: 'fit', limit: 0, before: -15, after: 0, detail: 'fit floored at 0 (was -15)' },
    ]);
    expect(scoreLead(model, signals({ employeeCount: 50, region: 'NA' }), AT)).toMatchObject({
      fit: 10,
      total: 10,
    });
  });

  it('caps the total', () => {
    const doc = minimalModelDocument();
    doc.caps = { total: 12, fit: 60, engagement: 60, groups: {} };
    doc.bands = [{ band: 'cold', min: 0 }];
    expect(scoreLead(modelFrom(doc), signals({ employeeCount: 50 }, [touch('page_view')]), AT)).toMatchObject(
      {
        fit: 10,
        engagement: 5,
        total: 12,
        adjustments: [
          {
            kind: 'cap',
            group: 'total',
            limit: 12,
            before: 15,
            after: 12,
            detail: 'total capped at 12 (was 15)',
          },
        ],
      },
    );
  });

  it('adds the points up when the model has no caps', () => {
    const doc = minimalModelDocument();
    delete doc.caps;
    doc.rules = [
      {
        id: 'fit-size',
        kind: 'fit',
        name: 'size',
        points: 90,
        condition: { kind: 'employee_count', min: 10 },
      },
      { id: 'visit', kind: 'engagement', name: 'visits', points: 70, touchpointTypes: ['page_view'] },
    ];
    const model = modelFrom(doc);
    expect(model.caps).toEqual({ groups: {} });
    expect(scoreLead(model, signals({ employeeCount: 50 }, [touch('page_view')]), AT)).toMatchObject({
      fit: 90,
      engagement: 70,
      total: 160,
      band: 'hot',
      adjustments: [],
    });
  });

  it('does not list a cap whose bite is invisible at 2 decimals', () => {
    const doc = minimalModelDocument();
    doc.caps = { engagement: 9.999, groups: {} };
    doc.rules = [
      { id: 'visit', kind: 'engagement', name: 'visits', points: 10, touchpointTypes: ['page_view'] },
    ];
    expect(scoreLead(modelFrom(doc), signals({}, [touch('page_view')]), AT)).toMatchObject({
      engagement: 10,
      adjustments: [],
    });
  });

  it('does not match unknown profile values', () => {
    expect(scoreLead(aligned, signals({ seniority: 'unknown', region: 'unknown' }), AT).fit).toBe(0);
  });

  it('matches geography by target country when the region is unknown', () => {
    const doc = minimalModelDocument();
    doc.rules = [
      { id: 'geo', kind: 'fit', name: 'geo', points: 10, condition: { kind: 'target_geography' } },
    ];
    expect(scoreLead(modelFrom(doc), signals({ country: 'US', region: 'unknown' }), AT).fit).toBe(10);
  });

  it('matches arbitrary properties strictly by value', () => {
    const doc = minimalModelDocument();
    doc.rules = [
      {
        id: 'plan',
        kind: 'fit',
        name: 'uses a CRM',
        points: 7,
        condition: { kind: 'property_in', property: 'crm', values: ['salesforce', 'hubspot'] },
      },
      {
        id: 'partner',
        kind: 'fit',
        name: 'partner',
        points: 3,
        condition: { kind: 'property_equals', property: 'partner', value: true },
      },
    ];
    const model = modelFrom(doc);
    expect(scoreLead(model, signals({ properties: { crm: 'hubspot', partner: true } }), AT).fit).toBe(10);
    expect(scoreLead(model, signals({ properties: { crm: 'HubSpot', partner: 'true' } }), AT).fit).toBe(0);
  });

  describe('disqualifiers', () => {
    it('force band disqualified and total 0 with the first matching reason', () => {
      const doc = minimalModelDocument();
      doc.disqualifiers = [
        {
          id: 'dq-test',
          reason: 'test account',
          condition: { kind: 'property_equals', property: 'test', value: true },
        },
        { id: 'dq-student', reason: 'student', condition: { kind: 'student' } },
      ];
      const score = scoreLead(
        modelFrom(doc),
        signals({ employeeCount: 50, isStudent: true, properties: { test: true } }, [touch('page_view')]),
        AT,
      );
      expect(score).toMatchObject({
        fit: 0,
        engagement: 0,
        total: 0,
        band: 'disqualified',
        disqualifiedBy: 'test account',
      });
      expect(score.firedRules.map((r) => [r.ruleId, r.group])).toEqual([
        ['dq-test', 'disqualifier'],
        ['dq-student', 'disqualifier'],
      ]);
    });

    it('treat an unknown student status as not a student', () => {
      expect(scoreLead(aligned, signals({ ...fullCompanyFit, isStudent: undefined }), AT).band).not.toBe(
        'disqualified',
      );
    });

    it('do not match a domain that merely ends with a competitor name', () => {
      expect(scoreLead(aligned, signals({ emailDomain: 'nothubspot.com' }), AT).band).toBe('cold');
    });
  });

  it('counts only engagement since a given moment when asked (re-qualifying a recycled lead)', () => {
    const lead = signals(fullCompanyFit, [
      touch('demo_request', daysBefore(5)),
      touch('content_download', daysBefore(1)),
    ]);
    const score = scoreLead(aligned, lead, AT, { engagementSince: daysBefore(2) });
    expect(score.engagementSince).toBe(daysBefore(2));
    expect(score.firedRules.map((r) => r.ruleId)).toEqual([
      'fit-employee-count',
      'fit-target-industry',
      'fit-geography',
      'engagement-content-download',
    ]);
  });

  it('lists fired rules in model order with an explanation', () => {
    const score = scoreLead(aligned, signals({ employeeCount: 1000, seniority: 'director' }), AT);
    expect(score.firedRules).toEqual([
      {
        ruleId: 'fit-employee-count',
        group: 'fit',
        capGroup: 'company',
        points: 25,
        detail: 'Company size 100-1,000: employee count 100-1,000 (1000)',
      },
      {
        ruleId: 'fit-seniority-director',
        group: 'fit',
        capGroup: 'seniority',
        points: 15,
        detail: 'Director: seniority director',
      },
    ]);
  });
});
