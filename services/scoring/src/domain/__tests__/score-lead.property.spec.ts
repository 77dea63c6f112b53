import fc from 'fast-check';
import { DAY_MS } from '../duration';
import { REGIONS, SENIORITIES, TOUCHPOINT_TYPES, type LeadSignals, type Touchpoint } from '../lead-signals';
import { roundScore } from '../round-score';
import { scoreLead } from '../score-lead';
import type { ScoringModel } from '../scoring-model';
import {
  AT,
  aligned,
  alignedGuarded,
  marketingView,
  minimalModelDocument,
  modelFrom,
  salesView,
} from './builders';

const SHIPPED = [aligned, alignedGuarded, marketingView, salesView];

const touchpointType = fc.constantFrom(...TOUCHPOINT_TYPES);

const engagementRule = (id: string, positive: boolean) =>
  fc.record(
    {
      id: fc.constant(id),
      kind: fc.constant('engagement'),
      name: fc.constant(id),
      points: positive
        ? fc.integer({ min: 1, max: 40 })
        : fc.integer({ min: -20, max: 40 }).filter((p) => p !== 0),
      group: fc.constantFrom('eng-a', 'eng-b'),
      touchpointTypes: fc.uniqueArray(touchpointType, { minLength: 1, maxLength: 3 }),
      minCount: fc.integer({ min: 1, max: 4 }),
      scoring: fc.constantFrom('once', 'per_occurrence'),
      withinDays: fc.integer({ min: 1, max: 120 }),
      halfLifeDays: fc.integer({ min: 1, max: 180 }),
    },
    { requiredKeys: ['id', 'kind', 'name', 'points', 'touchpointTypes', 'minCount', 'scoring'] },
  );

const fitRule = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      kind: fc.constant('fit'),
      name: fc.constant(id),
      points: fc.integer({ min: -20, max: 40 }).filter((p) => p !== 0),
      group: fc.constantFrom('fit-a', 'fit-b'),
      condition: fc.oneof(
        fc.record({
          kind: fc.constant('seniority_in'),
          seniorities: fc.uniqueArray(fc.constantFrom(...SENIORITIES), { minLength: 1 }),
        }),
        fc.record({ kind: fc.constant('employee_count'), min: fc.integer({ min: 0, max: 500 }) }),
        fc.record({ kind: fc.constant('target_geography') }),
        fc.record({ kind: fc.constant('free_mail') }),
      ),
    },
    { requiredKeys: ['id', 'kind', 'name', 'points', 'condition'] },
  );

/** Random but valid models; positiveEngagement keeps every engagement rule positive (decay then only lowers scores). */
const modelArb = (positiveEngagement: boolean): fc.Arbitrary<ScoringModel> =>
  fc
    .record({
      fit: fc.array(fc.nat(), { maxLength: 4 }),
      engagement: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      capFit: fc.integer({ min: 0, max: 80 }),
      capEngagement: fc.integer({ min: 0, max: 80 }),
      capTotal: fc.integer({ min: 75, max: 150 }),
      capGroup: fc.integer({ min: 0, max: 40 }),
      // Caps are a model's choice: each may be absent.
      capped: fc.record({ fit: fc.boolean(), engagement: fc.boolean(), total: fc.boolean() }),
    })
    .chain(({ fit, engagement, capFit, capEngagement, capTotal, capGroup, capped }) =>
      fc
        .tuple(
          fc.tuple(...fit.map((_, i) => fitRule(`fit-${i}`))),
          fc.tuple(...engagement.map((_, i) => engagementRule(`eng-${i}`, positiveEngagement))),
        )
        .map(([fitRules, engagementRules]) => {
          const doc = minimalModelDocument();
          const rules = [...fitRules, ...engagementRules];
          doc.rules = rules;
          const usesEngA = engagementRules.some((r) => r.group === 'eng-a');
          doc.caps = {
            ...(capped.total ? { total: capTotal } : {}),
            ...(capped.fit ? { fit: capFit } : {}),
            ...(capped.engagement ? { engagement: capEngagement } : {}),
            groups: usesEngA ? { 'eng-a': capGroup } : {},
          };
          return modelFrom(doc);
        }),
    );

const anyModel = fc.oneof(fc.constantFrom(...SHIPPED), modelArb(false));

// Decay and window edges live near "now": bias ages and time steps towards hours as well as months.
const recentMs = fc.integer({ min: 0, max: 7 * DAY_MS });

const touchpointsArb = (maxAgeDays: number, at = AT): fc.Arbitrary<Touchpoint[]> =>
  fc
    .array(
      fc.record({
        type: touchpointType,
        ageMs: fc.oneof(recentMs, fc.integer({ min: -10 * DAY_MS, max: maxAgeDays * DAY_MS })),
      }),
      { maxLength: 25 },
    )
    .map((items) =>
      items.map((t, i) => ({ touchpointId: `tp-${i}`, type: t.type, occurredAt: at - t.ageMs })),
    );

const signalsArb = (touchpoints: fc.Arbitrary<Touchpoint[]>): fc.Arbitrary<LeadSignals> =>
  fc.record({
    profile: fc.record({
      emailDomain: fc.constantFrom('acme.test', 'gmail.com', 'hubspot.com'),
      isFreeMail: fc.boolean(),
      isStudent: fc.option(fc.boolean(), { nil: undefined }),
      seniority: fc.constantFrom(...SENIORITIES),
      employeeCount: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
      industry: fc.option(fc.constantFrom('software', 'retail', 'saas'), { nil: undefined }),
      country: fc.option(fc.constantFrom('US', 'DE', 'BR'), { nil: undefined }),
      region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
      properties: fc.constant({}),
    }),
    touchpoints,
  });

describe('scoreLead properties', () => {
  it('keeps sub-scores within their caps and the total within [0, total cap], equal to capped fit + engagement', () => {
    fc.assert(
      fc.property(anyModel, signalsArb(touchpointsArb(400)), (model, lead) => {
        const score = scoreLead(model, lead, AT);
        const totalCap = model.caps.total ?? Number.POSITIVE_INFINITY;
        expect(score.fit).toBeGreaterThanOrEqual(0);
        expect(score.fit).toBeLessThanOrEqual(model.caps.fit ?? Number.POSITIVE_INFINITY);
        expect(score.engagement).toBeGreaterThanOrEqual(0);
        expect(score.engagement).toBeLessThanOrEqual(model.caps.engagement ?? Number.POSITIVE_INFINITY);
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(totalCap);
        expect(score.total).toBe(roundScore(Math.min(totalCap, score.fit + score.engagement)));
      }),
      { numRuns: 300 },
    );
  });

  it('explains the total: fired points plus every adjustment add up to it, and each adjustment bit', () => {
    fc.assert(
      fc.property(anyModel, signalsArb(touchpointsArb(400)), (model, lead) => {
        const score = scoreLead(model, lead, AT);
        if (score.band === 'disqualified') return;
        const points = score.firedRules.reduce((sum, r) => sum + r.points, 0);
        const adjusted = score.adjustments.reduce((sum, a) => sum + (a.after - a.before), 0);
        // Each shown number is rounded to 2 decimals (and a bound is left out when its bite rounds away).
        // Up to 7 bounds may round away: 4 groups, 2 sub-scores and the total.
        const slack = 0.005 * (score.firedRules.length + 2 * score.adjustments.length + 3) + 0.01 * 7;
        expect(Math.abs(points + adjusted - score.total)).toBeLessThanOrEqual(slack);
        for (const a of score.adjustments) {
          expect(a.after).not.toBe(a.before);
          if (a.kind === 'cap') expect(a.after).toBeLessThan(a.before);
          else expect([a.before < 0, a.after]).toEqual([true, 0]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never adjusts the table models except to floor a free-mail penalty', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(aligned, marketingView, salesView),
        signalsArb(touchpointsArb(400)),
        (model, lead) => {
          for (const a of scoreLead(model, lead, AT).adjustments)
            expect([a.kind, a.group, a.before]).toEqual(['floor', 'fit', -10]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never raises an engagement-only score as the evaluation time moves forward', () => {
    const engagementOnly = signalsArb(touchpointsArb(200)).map((lead) => ({
      ...lead,
      profile: {
        ...lead.profile,
        isStudent: false,
        emailDomain: 'acme.test',
        isFreeMail: false,
        seniority: 'unknown' as const,
        employeeCount: undefined,
        region: undefined,
        country: undefined,
      },
      touchpoints: lead.touchpoints.filter((t) => t.occurredAt <= AT),
    }));
    const laterModel = fc.oneof(fc.constantFrom(...SHIPPED), modelArb(true));
    fc.assert(
      fc.property(
        laterModel,
        engagementOnly,
        fc.oneof(recentMs, fc.integer({ min: 0, max: 400 * DAY_MS })),
        (model, lead, laterMs) => {
          const now = scoreLead(model, lead, AT);
          const later = scoreLead(model, lead, AT + laterMs);
          expect(later.engagement).toBeLessThanOrEqual(now.engagement);
          expect(later.total).toBeLessThanOrEqual(now.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of touchpoints, equal-time ones included', () => {
    // Few distinct times so that ties are common.
    const tied = fc
      .array(fc.record({ type: touchpointType, slot: fc.integer({ min: 0, max: 4 }) }), { maxLength: 20 })
      .map((items) =>
        items.map((t, i) => ({
          touchpointId: `tp-${i}`,
          type: t.type,
          occurredAt: AT - t.slot * 7 * DAY_MS,
        })),
      );
    const withShuffle = tied.chain((tps) =>
      fc.tuple(fc.constant(tps), fc.shuffledSubarray(tps, { minLength: tps.length, maxLength: tps.length })),
    );
    fc.assert(
      fc.property(anyModel, signalsArb(fc.constant([])), withShuffle, (model, lead, [ordered, shuffled]) => {
        expect(scoreLead(model, { ...lead, touchpoints: shuffled }, AT)).toEqual(
          scoreLead(model, { ...lead, touchpoints: ordered }, AT),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same inputs give the same score and are left untouched', () => {
    fc.assert(
      fc.property(
        anyModel,
        signalsArb(touchpointsArb(400)),
        fc.integer({ min: -DAY_MS, max: DAY_MS }),
        (model, lead, shift) => {
          const modelCopy = structuredClone(model);
          const leadCopy = structuredClone(lead);
          const first = scoreLead(model, lead, AT + shift);
          expect(scoreLead(modelCopy, leadCopy, AT + shift)).toEqual(first);
          expect(model).toEqual(modelCopy);
          expect(lead).toEqual(leadCopy);
        },
      ),
      { numRuns: 200 },
    );
  });
});
