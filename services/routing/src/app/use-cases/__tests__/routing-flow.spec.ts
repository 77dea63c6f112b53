import fc from 'fast-check';
import type { LifecycleChanged, SlaStatusChanged } from '@smarketing/contracts';
import { noPublicHolidays, type RoutingRules } from '../../../domain';
import { ALWAYS, officeHours, pool, rep, rules, team } from '../../../domain/__tests__/builders';
import { Clock } from '../../ports/clock.port';
import type { Incoming } from '../../ports/transactions.port';
import { CatalogCache } from '../../routing/catalog';
import { RoutingEngine } from '../../routing/routing-engine';
import { ApplyLifecycleChanges } from '../apply-lifecycle-changes.use-case';
import { ApplySlaStatusChanges, UnknownReferenceError } from '../apply-sla-status-changes.use-case';
import { GetRepLoad } from '../get-rep-load.use-case';
import { ReleaseHeldLeads } from '../release-held-leads.use-case';
import { MemoryDb, MemoryTransactions } from './memory-tx';

const MONDAY_10 = Date.UTC(2026, 11, 7, 10);
const HOUR = 3_600_000;

class FixedClock extends Clock {
  constructor(public at: number) {
    super();
  }
  now() {
    return this.at;
  }
}

const mql = (
  leadId: string,
  at: number,
  cycle = 1,
  eventId = `${leadId}-mql-${cycle}`,
): Incoming<LifecycleChanged> => ({
  eventId,
  occurredAt: at,
  value: {
    leadId,
    from: 'lead',
    to: 'mql',
    causeKind: 'score',
    causeDetail: 'band mql',
    causeEventId: null,
    reason: null,
    cycle,
    repId: null,
    occurredAt: at,
  },
});

const lifecycle = (leadId: string, to: LifecycleChanged['to'], at: number): Incoming<LifecycleChanged> => ({
  eventId: `${leadId}-${to}-${at}`,
  occurredAt: at,
  value: { ...mql(leadId, at).value, from: 'mql', to },
});

const sla = (
  leadId: string,
  repId: string | null,
  at: number,
  over: Partial<SlaStatusChanged> = {},
): Incoming<SlaStatusChanged> => ({
  eventId: `${leadId}-sla-${repId}-${at}-${over.step ?? 'breached'}`,
  occurredAt: at,
  value: {
    slaRecordId: `rec-${leadId}-${repId}`,
    leadId,
    policyId: 'p',
    repId,
    kind: 'response',
    status: 'breached',
    startedAt: at - HOUR,
    dueAt: at,
    resolvedAt: null,
    elapsedBusinessMs: HOUR,
    occurredAt: at,
    step: 'breached',
    sequence: 2,
    supersedesSequence: null,
    teamId: null,
    assignmentId: null,
    policyVersion: 1,
    calendarId: null,
    calendarVersion: null,
    band: null,
    firstActionAt: null,
    causeKind: 'timer',
    causeId: null,
    causeDetail: 'breach timer',
    ...over,
  },
});

const setup = (
  doc: RoutingRules = rules([pool(['a', 'b', 'c'])]),
  reps = [rep('a'), rep('b'), rep('c'), rep('boss')],
) => {
  const db = new MemoryDb();
  db.seed(reps, [team('team', { managerId: 'boss', calendar: ALWAYS })], doc);
  const catalog = new CatalogCache();
  const engine = new RoutingEngine(catalog, noPublicHolidays);
  const lifecycleUc = new ApplyLifecycleChanges(engine);
  const slaUc = new ApplySlaStatusChanges(engine, catalog);
  const batch = {
    lifecycle: (events: Incoming<LifecycleChanged>[]) =>
      db.transaction((tx) => lifecycleUc.execute(events, tx)),
    sla: (events: Incoming<SlaStatusChanged>[]) => db.transaction((tx) => slaUc.execute(events, tx)),
  };
  return { db, engine, batch };
};

const owners = (db: MemoryDb) => db.published.map((p) => p.event.repId);

describe('routing sales-ready leads from lifecycle-changed', () => {
  it('assigns an MQL and emits lead-assigned with its trace, named by the rules version', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]);
    expect(db.published).toHaveLength(1);
    expect(db.published[0]?.event).toMatchObject({
      leadId: 'l1',
      repId: 'a',
      kind: 'initial',
      via: 'pool',
      ruleId: 'everyone',
      ruleVersion: 1,
      poolId: 'pool',
      rotationPosition: 1,
      cycle: 1,
      causeEventId: 'l1-mql-1',
      candidates: [{ repId: 'a', verdict: 'assigned' }],
      occurredAt: MONDAY_10,
    });
    expect(db.published[0]?.eventId).toBe(db.published[0]?.event.assignmentId);
    expect(db.leads.get('l1')).toMatchObject({ status: 'assigned', ownerRepId: 'a', heldBefore: ['a'] });
  });

  it('gives one assignment for a redelivered or duplicated cause, in one batch or across batches', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10), mql('l1', MONDAY_10, 1, 'other-event-id')]);
    await batch.lifecycle([mql('l1', MONDAY_10 + 1, 1, 'third-event-id')]);
    expect(db.assignments).toHaveLength(1);
    expect(owners(db)).toEqual(['a']);
    expect(db.pools.get('pool')?.turn).toBe(1);
  });

  it('property: whatever the duplicates and their order, each (lead, cycle) is assigned once and no turn is skipped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            lead: fc.integer({ min: 0, max: 5 }),
            cycle: fc.integer({ min: 1, max: 3 }),
            copy: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (causes, batchSize) => {
          const { db, batch } = setup();
          const events = causes.map((c, i) =>
            mql(`l${c.lead}`, MONDAY_10 + i, c.cycle, `e-${c.lead}-${c.cycle}-${c.copy}`),
          );
          for (let i = 0; i < events.length; i += batchSize)
            await batch.lifecycle(events.slice(i, i + batchSize));
          const keys = db.assignments.map((a) => `${a.leadId}|${a.causeKey}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(db.published).toHaveLength(db.assignments.length);
          // Turns are consecutive: 1..n, each taken once.
          expect(db.assignments.map((a) => a.position).sort((x, y) => (x as number) - (y as number))).toEqual(
            db.assignments.map((_, i) => i + 1),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ends ownership on recycled, disqualified or customer, and routes the next cycle afresh', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10), lifecycle('l1', 'recycled', MONDAY_10 + HOUR)]);
    expect(db.leads.get('l1')).toMatchObject({ status: 'ended', ownerRepId: null });
    await batch.lifecycle([mql('l1', MONDAY_10 + 2 * HOUR, 2)]);
    expect(db.leads.get('l1')).toMatchObject({
      status: 'assigned',
      ownerRepId: 'b',
      cycle: 2,
      heldBefore: ['b'],
    });
  });

  it("never lets a late event of an older cycle take a newer cycle's lead", async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10 + HOUR, 2)]);
    await batch.lifecycle([mql('l1', MONDAY_10, 1)]);
    expect(db.assignments).toHaveLength(1);
    expect(db.leads.get('l1')?.cycle).toBe(2);
  });
});

describe('SLA breaches', () => {
  it('reassign to the next eligible rep of the pool with previousRepId and kind reassignment', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]);
    await batch.sla([sla('l1', 'a', MONDAY_10 + HOUR)]);
    expect(db.published[1]?.event).toMatchObject({
      repId: 'b',
      previousRepId: 'a',
      kind: 'reassignment',
      poolId: 'pool',
    });
    expect(db.leads.get('l1')).toMatchObject({ ownerRepId: 'b', heldBefore: ['a', 'b'], reassignments: 1 });
  });

  it('never reassign to a rep who held the lead in this cycle, then escalate to the manager after maxReassignments', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]); // a
    await batch.sla([sla('l1', 'a', MONDAY_10 + HOUR)]); // b
    await batch.sla([sla('l1', 'b', MONDAY_10 + 2 * HOUR)]); // c (2nd reassignment, the max)
    await batch.sla([sla('l1', 'c', MONDAY_10 + 3 * HOUR)]); // escalation
    expect(db.published.map((p) => [p.event.repId, p.event.kind, p.event.previousRepId])).toEqual([
      ['a', 'initial', null],
      ['b', 'reassignment', 'a'],
      ['c', 'reassignment', 'b'],
      ['boss', 'escalation', 'c'],
    ]);
  });

  it('ignore a breach about a previous owner, and a redelivered breach', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]);
    const breach = sla('l1', 'a', MONDAY_10 + HOUR);
    await batch.sla([breach, breach]);
    await batch.sla([sla('l1', 'a', MONDAY_10 + 2 * HOUR, { slaRecordId: 'another-record' })]);
    expect(owners(db)).toEqual(['a', 'b']);
  });

  it("follow sla-monitor's explicit steps: escalated goes to the team manager", async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]);
    await batch.sla([sla('l1', 'a', MONDAY_10 + HOUR, { step: 'escalated', status: 'breached' })]);
    expect(db.published[1]?.event).toMatchObject({
      repId: 'boss',
      kind: 'escalation',
      via: 'manager',
      previousRepId: 'a',
    });
  });

  it('change nothing on other steps (started, met, warning)', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]);
    await batch.sla([
      sla('l1', 'a', MONDAY_10 + HOUR, { step: 'warning', status: 'warning' }),
      sla('l1', 'a', MONDAY_10 + HOUR, { step: 'met', status: 'met' }),
    ]);
    expect(db.published).toHaveLength(1);
  });

  it('refuse a breach naming a rep the org does not know, applying nothing of the batch', async () => {
    const { db, batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10), mql('l2', MONDAY_10)]);
    await expect(
      batch.sla([sla('l1', 'a', MONDAY_10 + HOUR), sla('l2', 'ghost', MONDAY_10 + HOUR)]),
    ).rejects.toBeInstanceOf(UnknownReferenceError);
    expect(db.published).toHaveLength(2);
    expect(db.leads.get('l1')?.ownerRepId).toBe('a');
  });

  it('refuse a breach naming a team the org does not know', async () => {
    const { batch } = setup();
    await batch.lifecycle([mql('l1', MONDAY_10)]);
    await expect(batch.sla([sla('l1', 'a', MONDAY_10 + HOUR, { teamId: 'no-such-team' })])).rejects.toThrow(
      'team "no-such-team"',
    );
  });
});

describe('held leads', () => {
  const early = MONDAY_10 - 5 * HOUR; // 05:00 UTC: before 09:00 in London
  const heldSetup = () =>
    setup(rules([pool(['london'])]), [rep('london', { calendar: officeHours('Europe/London') })]);

  it('are held with a durable timer, then assigned at the moment working hours begin', async () => {
    const { db, engine, batch } = heldSetup();
    await batch.lifecycle([mql('l1', early)]);
    expect(db.published).toHaveLength(0);
    expect(db.held.get('l1')).toMatchObject({ poolId: 'pool', dueAt: Date.parse('2026-12-07T09:00:00Z') });
    expect(db.assignments[0]).toMatchObject({
      outcome: 'held',
      candidates: [{ repId: 'london', verdict: 'outside_hours' }],
    });

    const clock = new FixedClock(Date.parse('2026-12-07T08:59:59Z'));
    const release = new ReleaseHeldLeads(new MemoryTransactions(db), clock, engine, 100);
    expect(await release.execute()).toBe(0); // never early
    clock.at = Date.parse('2026-12-07T09:00:30Z');
    expect(await release.execute()).toBe(1);
    expect(db.published[0]?.event).toMatchObject({
      repId: 'london',
      occurredAt: Date.parse('2026-12-07T09:00:00Z'),
      kind: 'initial',
    });
    expect(db.held.size).toBe(0);
    expect(await release.execute()).toBe(0); // fired once
  });

  it('are cancelled when the lead is disqualified while held', async () => {
    const { db, batch } = heldSetup();
    await batch.lifecycle([mql('l1', early), lifecycle('l1', 'disqualified', early + 1)]);
    expect(db.held.size).toBe(0);
    expect(db.leads.get('l1')?.status).toBe('ended');
  });
});

describe('fairness and load per rep over time', () => {
  it('counts per rep and day the leads assigned and the times passed over, and per pool the leads held', async () => {
    const capped = [rep('a', { caps: { daily: 1 } }), rep('b'), rep('boss')];
    const { db, batch } = setup(rules([pool(['a', 'b'])]), capped);
    await batch.lifecycle([mql('l1', MONDAY_10), mql('l2', MONDAY_10 + 1), mql('l3', MONDAY_10 + 2)]);
    const { db: heldDb, batch: heldBatch } = setup(rules([pool(['x'])]), [rep('x', { active: false })]);
    await heldBatch.lifecycle([mql('h1', MONDAY_10)]);

    const report = await new GetRepLoad(new MemoryTransactions(db)).execute({
      from: '2026-12-07',
      to: '2026-12-07',
      repIds: null,
    });
    expect(report.reps.map((r) => [r.repId, r.assigned, r.capped, r.skipped])).toEqual([
      ['a', 1, 1, 0], // l1; passed over for its cap at l3 (l2 was b's turn anyway)
      ['b', 2, 0, 0],
    ]);
    expect(report.reps.map((r) => r.share)).toEqual([1 / 3, 2 / 3]);
    const held = await new GetRepLoad(new MemoryTransactions(heldDb)).execute({
      from: '2026-12-07',
      to: '2026-12-07',
      repIds: null,
    });
    expect(held.pools).toEqual([{ poolId: 'pool', day: '2026-12-07', held: 1, queued: 0, escalated: 0 }]);
  });
});
