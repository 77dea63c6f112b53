import fc from 'fast-check';
import { skipReasonFor } from '../eligibility';
import { routeLead } from '../route-lead';
import type { Pool } from '../routing-rules';
import type { Rep } from '../sales-org';
import {
  DAY,
  eligibility,
  facts,
  HOUR,
  inputsFor,
  MONDAY_10_UTC,
  officeHours,
  pool,
  rep,
  rules,
  salesOrg,
  team,
} from './builders';

const repArb = (id: string): fc.Arbitrary<Rep> =>
  fc
    .record({
      active: fc.boolean(),
      hours: fc.constantFrom(
        undefined,
        officeHours('Europe/Berlin'),
        officeHours('America/New_York'),
        officeHours('Asia/Tokyo'),
      ),
      ooo: fc.option(fc.tuple(fc.integer({ min: -3, max: 10 }), fc.integer({ min: 1, max: 5 }))),
      daily: fc.option(fc.integer({ min: 0, max: 5 })),
      weight: fc.integer({ min: 1, max: 4 }),
    })
    .map((r) =>
      rep(id, {
        active: r.active,
        weight: r.weight,
        ...(r.hours ? { calendar: r.hours } : {}),
        outOfOffice: r.ooo
          ? [{ from: MONDAY_10_UTC + r.ooo[0] * DAY, to: MONDAY_10_UTC + (r.ooo[0] + r.ooo[1]) * DAY }]
          : [],
        caps: r.daily !== null ? { daily: r.daily } : {},
      }),
    );

describe('routing properties', () => {
  it('an assignment always names an eligible rep at its event time, or a declared fallback', () => {
    fc.assert(
      fc.property(
        fc.array(repArb('x'), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<Pool['strategy']>('round_robin', 'count_based'),
        fc.constantFrom<Pool['comeback']>(
          { policy: 'none' },
          { policy: 'catch_up' },
          { policy: 'catch_up_capped', max: 2 },
        ),
        fc.constantFrom('hold' as const, 'escalate' as const, 'queue' as const),
        fc.array(fc.integer({ min: 0, max: 14 * 24 }), { minLength: 1, maxLength: 40 }),
        (generated, strategy, comeback, fallback, hours) => {
          const reps = generated.map((r, i) => ({ ...r, id: `r${i}` }));
          const org = salesOrg([...reps, rep('boss')], [team('team', { managerId: 'boss' })]);
          const p = pool(
            reps.map((r) => r.id),
            { strategy, comeback, countPeriod: 'day' },
          );
          const doc = rules([p]);
          const withFallback = {
            ...doc,
            rules: doc.rules.map((r) => ({
              ...r,
              whenNobodyEligible:
                fallback === 'queue' ? { action: 'queue' as const, queue: 'unrouted' } : { action: fallback },
            })),
          };
          const inputs = inputsFor(org, withFallback);
          for (const h of [...hours].sort((a, b) => a - b)) {
            const at = MONDAY_10_UTC + h * HOUR;
            const before = new Map(inputs.state.loads);
            const decision = routeLead(inputs, {
              leadId: `l${h}`,
              facts: facts(),
              at,
              kind: 'initial',
              heldBefore: [],
              currentRepId: null,
              poolId: null,
            });
            switch (decision.outcome) {
              case 'assigned':
                if (decision.via === 'manager')
                  expect([fallback, decision.repId]).toEqual(['escalate', 'boss']);
                else {
                  const check = eligibility(org, at);
                  const loads = { ...check, loadOf: (id: string) => before.get(id) };
                  expect(skipReasonFor(loads, decision.repId)).toBeUndefined();
                  expect(p.members.map((m) => m.repId)).toContain(decision.repId);
                }
                break;
              case 'queued':
                expect(['queue', 'escalate']).toContain(fallback);
                break;
              case 'held':
                expect(fallback).toBe('hold');
                if (decision.dueAt !== null) expect(decision.dueAt).toBeGreaterThan(at);
                break;
              case 'kept':
                throw new Error('an initial routing is never "kept"');
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("over a long run each rep's share converges to its weight (round robin and count based)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<Pool['strategy']>('round_robin', 'count_based'),
        (weights, strategy) => {
          const reps = weights.map((_, i) => rep(`r${i}`));
          const p = pool(
            reps.map((r) => r.id),
            { strategy, members: reps.map((r, i) => ({ repId: r.id, weight: weights[i] })) },
          );
          const inputs = inputsFor(salesOrg(reps), rules([p]));
          const total = weights.reduce((a, b) => a + b, 0);
          const leads = total * 50;
          const counts = new Map<string, number>();
          for (let i = 0; i < leads; i++) {
            const d = routeLead(inputs, {
              leadId: `l${i}`,
              facts: facts(),
              at: MONDAY_10_UTC,
              kind: 'initial',
              heldBefore: [],
              currentRepId: null,
              poolId: null,
            });
            if (d.outcome === 'assigned') counts.set(d.repId, (counts.get(d.repId) ?? 0) + 1);
          }
          weights.forEach((w, i) => {
            const share = (counts.get(`r${i}`) ?? 0) / leads;
            expect(Math.abs(share - w / total)).toBeLessThanOrEqual(1 / leads + 1e-9);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
