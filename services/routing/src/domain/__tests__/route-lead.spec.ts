import { routeLead, type RouteRequest } from '../route-lead';
import type { RoutingRules } from '../routing-rules';
import {
  DAY,
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

const initial = (over: Partial<RouteRequest> = {}): RouteRequest => ({
  leadId: 'lead-1',
  facts: facts(),
  at: MONDAY_10_UTC,
  kind: 'initial',
  heldBefore: [],
  currentRepId: null,
  poolId: null,
  ...over,
});

const withFallback = (
  doc: RoutingRules,
  whenNobodyEligible: RoutingRules['rules'][number]['whenNobodyEligible'],
) => ({
  ...doc,
  rules: doc.rules.map((r) => ({ ...r, whenNobodyEligible })),
});

describe('routing a sales-ready lead', () => {
  it('takes the first rule that matches and names it, its pool and the rotation turn', () => {
    const org = salesOrg([rep('emea-1'), rep('na-1')]);
    const doc = rules([pool(['emea-1'], { id: 'emea' }), pool(['na-1'], { id: 'na' })], {
      rules: [
        {
          ...rules([pool([])]).rules[0]!,
          id: 'emea-big',
          when: [
            { field: 'region', in: ['EMEA'] },
            { field: 'employees', min: 500 },
          ],
          pool: 'emea',
        },
        { ...rules([pool([])]).rules[0]!, id: 'rest', when: [], pool: 'na' },
      ],
    });
    const big = routeLead(inputsFor(org, doc), initial({ facts: facts({ region: 'EMEA', employees: 900 }) }));
    expect(big).toMatchObject({
      outcome: 'assigned',
      repId: 'emea-1',
      ruleId: 'emea-big',
      poolId: 'emea',
      position: 1,
      via: 'pool',
    });
    const small = routeLead(
      inputsFor(org, doc),
      initial({ facts: facts({ region: 'EMEA', employees: 20 }) }),
    );
    expect(small).toMatchObject({ outcome: 'assigned', repId: 'na-1', ruleId: 'rest' });
  });

  it('sends a lead no rule matches to the default queue', () => {
    const doc = rules([pool(['a'])]);
    const onlyNa = {
      ...doc,
      rules: doc.rules.map((r) => ({ ...r, when: [{ field: 'region' as const, in: ['NA'] }] })),
    };
    expect(routeLead(inputsFor(salesOrg([rep('a')]), onlyNa), initial())).toMatchObject({
      outcome: 'queued',
      queueId: 'unrouted',
      ruleId: null,
    });
  });

  it('gives a lead of a named account to the account owner first, outside the rotation', () => {
    const org = salesOrg([rep('a'), rep('b'), rep('owner')], undefined, [
      { accountKey: 'acme.com', repId: 'owner' },
    ]);
    const inputs = inputsFor(org, rules([pool(['a', 'b'])]));
    const decision = routeLead(inputs, initial({ facts: facts({ accountDomain: 'acme.com' }) }));
    expect(decision).toMatchObject({
      outcome: 'assigned',
      repId: 'owner',
      via: 'account_owner',
      position: null,
    });
    expect(inputs.state.pool('pool').turn).toBe(0);
    expect(inputs.state.load('owner')).toMatchObject({ dayCount: 1 });
  });

  it("falls back to the rule's pool when the account owner is out of office, and says so", () => {
    const away = [{ from: MONDAY_10_UTC - DAY, to: MONDAY_10_UTC + DAY }];
    const org = salesOrg([rep('a'), rep('owner', { outOfOffice: away })], undefined, [
      { accountKey: 'acc-1', repId: 'owner' },
    ]);
    const decision = routeLead(
      inputsFor(org, rules([pool(['a'])])),
      initial({ facts: facts({ accountId: 'acc-1' }) }),
    );
    expect(decision).toMatchObject({ outcome: 'assigned', repId: 'a', via: 'pool' });
    expect(decision.candidates).toEqual([
      { repId: 'owner', verdict: 'out_of_office' },
      { repId: 'a', verdict: 'assigned' },
    ]);
    expect(decision.reason).toContain('account owner unavailable');
  });

  it('ignores the account owner when the rule says so', () => {
    const org = salesOrg([rep('a'), rep('owner')], undefined, [{ accountKey: 'acc-1', repId: 'owner' }]);
    const doc = rules([pool(['a'])]);
    const noOwner = { ...doc, rules: doc.rules.map((r) => ({ ...r, accountOwnerFirst: false })) };
    expect(
      routeLead(inputsFor(org, noOwner), initial({ facts: facts({ accountId: 'acc-1' }) })),
    ).toMatchObject({ repId: 'a' });
  });

  describe('with nobody eligible in the pool', () => {
    // Both reps work 09:00-17:00 in their zones; 05:00 UTC on Monday is before either starts.
    const early = MONDAY_10_UTC - 5 * HOUR;
    const org = salesOrg(
      [
        rep('berlin', { calendar: officeHours('Europe/Berlin') }),
        rep('london', { calendar: officeHours('Europe/London') }),
        rep('boss'),
      ],
      [team('team', { managerId: 'boss' })],
    );
    const doc = rules([pool(['berlin', 'london'])]);

    it("hold: keeps the lead in the queue until the first rep's working hours begin", () => {
      const decision = routeLead(
        inputsFor(org, withFallback(doc, { action: 'hold' })),
        initial({ at: early }),
      );
      expect(decision).toMatchObject({
        outcome: 'held',
        poolId: 'pool',
        dueAt: Date.parse('2026-12-07T08:00:00Z'),
      });
      expect(decision.candidates.map((c) => c.verdict)).toEqual(['outside_hours', 'outside_hours']);
    });

    it("escalate: gives the lead to the manager of the pool's team", () => {
      expect(
        routeLead(inputsFor(org, withFallback(doc, { action: 'escalate' })), initial({ at: early })),
      ).toMatchObject({
        outcome: 'assigned',
        kind: 'escalation',
        repId: 'boss',
        via: 'manager',
      });
    });

    it('escalate without a manager: sends the lead to the default queue rather than drop it', () => {
      const noBoss = salesOrg([...org.reps.values()], [team('team')]);
      expect(
        routeLead(inputsFor(noBoss, withFallback(doc, { action: 'escalate' })), initial({ at: early })),
      ).toMatchObject({
        outcome: 'queued',
        queueId: 'unrouted',
      });
    });

    it('queue: sends the lead to the named queue', () => {
      const queued = {
        ...withFallback(doc, { action: 'queue', queue: 'overflow' }),
        queues: [...doc.queues, { id: 'overflow', name: 'Overflow' }],
      };
      expect(routeLead(inputsFor(org, queued), initial({ at: early }))).toMatchObject({
        outcome: 'queued',
        queueId: 'overflow',
      });
    });

    it("hold with a capped pool: due when the cap resets in the rep's local day", () => {
      const capped = salesOrg([
        rep('a', { caps: { daily: 1 }, calendar: officeHours('UTC', '00:00', '24:00') }),
      ]);
      const inputs = inputsFor(capped, rules([pool(['a'])]));
      inputs.state.setLoad('a', { dayKey: '2026-12-07', dayCount: 1, weekKey: '2026-W50', weekCount: 1 });
      expect(routeLead(inputs, initial())).toMatchObject({
        outcome: 'held',
        dueAt: Date.parse('2026-12-08T00:00:00Z'),
      });
    });

    it('hold with nobody who will ever be available: held with no due time, never dropped', () => {
      const gone = salesOrg([rep('a', { active: false })]);
      expect(routeLead(inputsFor(gone, rules([pool(['a'])])), initial())).toMatchObject({
        outcome: 'held',
        dueAt: null,
      });
    });
  });

  describe('reassignment after an SLA breach', () => {
    const org = salesOrg([rep('a'), rep('b'), rep('c'), rep('boss')], [team('team', { managerId: 'boss' })]);
    const doc = rules([pool(['a', 'b', 'c'])]);

    it('goes to the next eligible rep of the pool, never back to a rep who held the lead this cycle', () => {
      const inputs = inputsFor(org, doc);
      routeLead(inputs, initial()); // a
      const decision = routeLead(
        inputs,
        initial({ kind: 'reassignment', currentRepId: 'b', heldBefore: ['a'], poolId: 'pool' }),
      );
      expect(decision).toMatchObject({ outcome: 'assigned', kind: 'reassignment', repId: 'c' });
      expect(decision.candidates).toEqual([
        { repId: 'b', verdict: 'held_before' },
        { repId: 'c', verdict: 'assigned' },
      ]);
    });

    it("reassigns within the lead's pool even when no rule of the current version names it any more", () => {
      const moved = {
        ...doc,
        pools: [...doc.pools, pool(['x'], { id: 'new-pool' })],
        rules: doc.rules.map((r) => ({ ...r, pool: 'new-pool' })),
      };
      const decision = routeLead(
        inputsFor(salesOrg([...org.reps.values(), rep('x')], [...org.teams.values()]), moved),
        initial({ kind: 'reassignment', currentRepId: 'a', heldBefore: ['a'], poolId: 'pool' }),
      );
      expect(decision).toMatchObject({
        outcome: 'assigned',
        kind: 'reassignment',
        repId: 'b',
        poolId: 'pool',
        ruleId: null,
      });
    });

    it('escalates to the manager when every rep of the pool has held the lead', () => {
      const decision = routeLead(
        inputsFor(org, doc),
        initial({ kind: 'reassignment', currentRepId: 'c', heldBefore: ['a', 'b'], poolId: 'pool' }),
      );
      expect(decision).toMatchObject({ outcome: 'assigned', kind: 'escalation', repId: 'boss' });
    });

    it('keeps the lead where it is when even the manager has held it', () => {
      const decision = routeLead(
        inputsFor(org, doc),
        initial({ kind: 'reassignment', currentRepId: 'boss', heldBefore: ['a', 'b', 'c'], poolId: 'pool' }),
      );
      expect(decision).toMatchObject({ outcome: 'kept' });
    });

    it("escalation: goes straight to the manager of the current rep's team", () => {
      const decision = routeLead(
        inputsFor(org, doc),
        initial({ kind: 'escalation', currentRepId: 'a', poolId: 'pool' }),
      );
      expect(decision).toMatchObject({
        outcome: 'assigned',
        kind: 'escalation',
        repId: 'boss',
        via: 'manager',
      });
    });
  });
});
