import { noPublicHolidays } from '../../../domain';
import { datePublicHolidays } from '../../../domain/public-holidays';
import { loadBundledOrg, loadBundledRules } from '../../bundled-documents';
import { Clock } from '../../ports/clock.port';
import { CatalogCache } from '../../routing/catalog';
import { RoutingEngine } from '../../routing/routing-engine';
import { ApplyLifecycleChanges } from '../apply-lifecycle-changes.use-case';
import { ChangeRep } from '../change-rep.use-case';
import { DryRunRules } from '../dry-run-rules.use-case';
import { PublishRules } from '../publish-rules.use-case';
import { SaveRep } from '../save-rep.use-case';
import { SeedBundledDocuments } from '../seed-bundled-documents.use-case';
import { MemoryDb, MemoryTransactions } from './memory-tx';

class FixedClock extends Clock {
  now() {
    return Date.UTC(2026, 11, 7, 10);
  }
}

const seeded = async () => {
  const db = new MemoryDb();
  const transactions = new MemoryTransactions(db);
  const result = await new SeedBundledDocuments(transactions, new FixedClock()).execute(
    loadBundledOrg(),
    loadBundledRules(),
  );
  return { db, transactions, result };
};

const mqlFrom = (leadId: string, at: number) => ({
  eventId: `${leadId}-mql`,
  occurredAt: at,
  value: {
    leadId,
    from: 'lead' as const,
    to: 'mql' as const,
    causeKind: 'score' as const,
    causeDetail: 'band hot',
    causeEventId: null,
    reason: null,
    cycle: 1,
    repId: null,
    occurredAt: at,
  },
});

describe('the shipped sales org and rules', () => {
  it('are valid, seeded once, and left alone on the next start', async () => {
    const { db, transactions, result } = await seeded();
    expect(result.rules).toEqual([1]);
    expect(result.org.length).toBe(db.reps.size + db.teams.size + db.owners.size);
    expect([...db.reps.values()].some((r) => r.outOfOffice.length > 0)).toBe(true);
    const again = await new SeedBundledDocuments(transactions, new FixedClock()).execute(
      loadBundledOrg(),
      loadBundledRules(),
    );
    expect(again).toEqual({ org: [], rules: [] });
  });

  it('route a sample lead of the named account Globex to its owner, and others through the pools', async () => {
    const { db } = await seeded();
    const engine = new RoutingEngine(new CatalogCache(), datePublicHolidays());
    const at = Date.UTC(2026, 11, 7, 10); // Monday 11:00 in Berlin
    await db.transaction(async (tx) => {
      await tx.leads.saveMany([
        {
          leadId: 'globex-lead',
          facts: {
            country: 'DE',
            region: 'EMEA',
            industry: 'industrial-automation',
            employees: 1001,
            accountId: null,
            accountDomain: 'globex-mfg.example.com',
            source: 'web',
          },
          factsAt: at,
          cycle: 0,
          status: 'new',
          ownerRepId: null,
          queueId: null,
          poolId: null,
          ruleId: null,
          heldBefore: [],
          reassignments: 0,
        },
        {
          leadId: 'fr-lead',
          facts: {
            country: 'FR',
            region: 'EMEA',
            industry: 'health',
            employees: 201,
            accountId: null,
            accountDomain: 'umbrella-health.example.org',
            source: 'web',
          },
          factsAt: at,
          cycle: 0,
          status: 'new',
          ownerRepId: null,
          queueId: null,
          poolId: null,
          ruleId: null,
          heldBefore: [],
          reassignments: 0,
        },
      ]);
    });
    await db.transaction((tx) =>
      new ApplyLifecycleChanges(engine).execute([mqlFrom('globex-lead', at), mqlFrom('fr-lead', at)], tx),
    );
    expect(db.published.map((p) => [p.event.leadId, p.event.repId, p.event.via])).toEqual([
      ['globex-lead', 'jonas-weber', 'account_owner'],
      ['fr-lead', 'oliver-smith', 'pool'],
    ]);
  });
});

describe('publishing rules and changing the org (admin)', () => {
  it('refuses an invalid rules document with field paths, and one naming unknown reps', async () => {
    const { db, transactions } = await seeded();
    const publish = new PublishRules(transactions, new FixedClock(), new CatalogCache());
    const [shipped] = loadBundledRules();
    const bad = await publish.execute(
      {
        ...shipped,
        version: 2,
        rules: [{ id: 'x', name: 'X', pool: 'nope', when: [{ field: 'employees' }] }],
      },
      'admin',
    );
    expect(bad).toMatchObject({ kind: 'invalid' });
    expect(bad.kind === 'invalid' && bad.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['rules[0].when[0].min', 'rules[0].pool']),
    );
    const ghost = await publish.execute(
      {
        ...shipped,
        version: 2,
        pools: shipped?.pools.map((p, i) => (i === 0 ? { ...p, members: [{ repId: 'ghost' }] } : p)),
      },
      'admin',
    );
    expect(ghost).toEqual({
      kind: 'invalid',
      errors: [{ path: 'pools[0].members[0].repId', message: 'no rep "ghost"' }],
    });
    expect(db.rules.size).toBe(1);
  });

  it('publishes a newer version and refuses an older or equal one', async () => {
    const { db, transactions } = await seeded();
    const publish = new PublishRules(transactions, new FixedClock(), new CatalogCache());
    const [shipped] = loadBundledRules();
    expect(await publish.execute({ ...shipped, version: 2 }, 'admin')).toMatchObject({ kind: 'published' });
    expect(await publish.execute({ ...shipped, version: 2 }, 'admin')).toMatchObject({ kind: 'conflict' });
    expect(db.rules.size).toBe(2);
  });

  it('refuses a rep with field paths and one of an unknown team', async () => {
    const { transactions } = await seeded();
    const save = new SaveRep(transactions, new FixedClock());
    const bad = await save.execute('new-rep', { name: 'N', email: 'x', teamId: 'emea', caps: { daily: -1 } });
    expect(bad.kind === 'invalid' && bad.errors.map((e) => e.path)).toEqual(['email', 'caps.daily']);
    expect(await save.execute('new-rep', { name: 'N', email: 'n@x.example', teamId: 'nowhere' })).toEqual({
      kind: 'invalid',
      errors: [{ path: 'teamId', message: 'no team "nowhere"' }],
    });
  });

  it('sets out-of-office periods and deactivates, bumping the org version each time', async () => {
    const { db, transactions } = await seeded();
    const change = new ChangeRep(transactions, new FixedClock());
    const before = db.orgVersion;
    expect(
      await change.execute('tyler-brooks', {
        kind: 'out_of_office',
        periods: [{ from: '2026-12-21T00:00:00Z', to: '2027-01-04T00:00:00Z' }],
      }),
    ).toMatchObject({ kind: 'saved' });
    expect(await change.execute('tyler-brooks', { kind: 'deactivate' })).toMatchObject({
      kind: 'saved',
      value: { active: false },
    });
    expect(await change.execute('nobody', { kind: 'deactivate' })).toMatchObject({ kind: 'not_found' });
    expect(db.orgVersion).toBe(before + 2);
    expect(db.reps.get('tyler-brooks')).toMatchObject({
      active: false,
      outOfOffice: [{ from: Date.parse('2026-12-21T00:00:00Z') }],
    });
  });
});

describe('dry run', () => {
  it('compares the draft and the published rules on past sales-ready leads, writing nothing', async () => {
    const { db, transactions } = await seeded();
    const engine = new RoutingEngine(new CatalogCache(), noPublicHolidays);
    const at = Date.UTC(2026, 11, 7, 10);
    await db.transaction(async (tx) => {
      await tx.leads.saveMany(
        Array.from({ length: 12 }, (_, i) => ({
          leadId: `na-${i}`,
          facts: {
            country: 'US',
            region: 'NA',
            industry: 'software',
            employees: 50,
            accountId: null,
            accountDomain: null,
            source: 'web',
          },
          factsAt: at,
          cycle: 0,
          status: 'new' as const,
          ownerRepId: null,
          queueId: null,
          poolId: null,
          ruleId: null,
          heldBefore: [],
          reassignments: 0,
        })),
      );
    });
    const nyAfternoon = Date.UTC(2026, 11, 7, 19);
    await db.transaction((tx) =>
      new ApplyLifecycleChanges(engine).execute(
        Array.from({ length: 12 }, (_, i) => mqlFrom(`na-${i}`, nyAfternoon + i)),
        tx,
      ),
    );
    const [shipped] = loadBundledRules();
    if (shipped === undefined) throw new Error('no shipped rules');
    const evenAmericas = {
      ...shipped,
      version: 2,
      pools: shipped.pools.map((p) =>
        p.id === 'americas' ? { ...p, members: p.members.map((m) => ({ repId: m.repId })) } : p,
      ),
    };
    const writesBefore = JSON.stringify([...db.assignments, ...db.pools, ...db.loads]);
    const result = await new DryRunRules(transactions, new CatalogCache(), noPublicHolidays, 1_000).execute({
      draft: evenAmericas,
      from: nyAfternoon - 1,
      to: nyAfternoon + HOUR_MS,
      maxChanges: 5,
    });
    expect(result.kind).toBe('compared');
    if (result.kind !== 'compared') return;
    const share = (s: typeof result.comparison.published, id: string) =>
      s.perRep.find((r) => r.repId === id)?.assigned;
    // Weights 2:1:1 in the published rules, 1:1:1 in the draft (Ana in São Paulo is in hours at 16:00 local too).
    expect([
      share(result.comparison.published, 'tyler-brooks'),
      share(result.comparison.draft, 'tyler-brooks'),
    ]).toEqual([6, 4]);
    expect(result.comparison.leads).toBe(12);
    expect(result.comparison.changedOwners).toBeGreaterThan(0);
    expect(result.comparison.changes.length).toBeLessThanOrEqual(5);
    expect(result.comparison.draft.gini).toBeLessThan(result.comparison.published.gini + 1e-9);
    expect(JSON.stringify([...db.assignments, ...db.pools, ...db.loads])).toBe(writesBefore);
  });
});

const HOUR_MS = 3_600_000;
