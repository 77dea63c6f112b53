import type { AccountScored, LifecycleChanged, LeadUpserted } from '@smarketing/contracts';
import { noPublicHolidays, type Condition, type RoutingRules } from '../../../domain';
import { ALWAYS, pool, rep, rules, team } from '../../../domain/__tests__/builders';
import type { Incoming } from '../../ports/transactions.port';
import { CatalogCache } from '../../routing/catalog';
import { RoutingEngine } from '../../routing/routing-engine';
import { ApplyLifecycleChanges } from '../apply-lifecycle-changes.use-case';
import { DryRunRules } from '../dry-run-rules.use-case';
import { RecordAccountScores } from '../record-account-scores.use-case';
import { RecordLeadFacts } from '../record-lead-facts.use-case';
import { MemoryDb, MemoryTransactions } from './memory-tx';

const MONDAY_10 = Date.UTC(2026, 11, 7, 10);

const accountScored = (
  accountId: string,
  at: number,
  over: Partial<AccountScored> = {},
): Incoming<AccountScored> => ({
  eventId: `${accountId}-scored-${at}-${over.tier ?? 'tier_1'}`,
  occurredAt: at,
  value: {
    accountId,
    accountDomain: `${accountId}.example.com`,
    accountName: accountId,
    icpId: 'aligned',
    icpVersion: 1,
    fit: 80,
    engagement: 20,
    total: 100,
    tier: 'tier_1',
    previousTier: null,
    band: 'hot',
    previousBand: null,
    firedRules: [],
    excludedBy: null,
    leads: 3,
    engagedLeads: 2,
    leadEngagement: 40,
    seniorityLevels: ['director'],
    hottestLeadId: null,
    hottestLeadTotal: null,
    cause: 'profile',
    occurredAt: at,
    ...over,
  },
});

const leadOf = (leadId: string, accountId: string | null, at: number): Incoming<LeadUpserted> => ({
  eventId: `${leadId}-upserted`,
  occurredAt: at,
  value: {
    leadId,
    anonymousIds: [],
    emailDomain: 'example.com',
    seniority: 'director',
    company: null,
    accountId,
    accountDomain: null,
    accountMatchReason: null,
    employeeCount: 50,
    industry: 'software',
    country: 'DE',
    region: 'EMEA',
    isFreeMail: false,
    isStudent: null,
    extraTraits: null,
    source: 'web',
    occurredAt: at,
  },
});

const mql = (leadId: string, at: number): Incoming<LifecycleChanged> => ({
  eventId: `${leadId}-mql`,
  occurredAt: at,
  value: {
    leadId,
    from: 'lead',
    to: 'mql',
    causeKind: 'score',
    causeDetail: 'band mql',
    causeEventId: null,
    reason: null,
    cycle: 1,
    repId: null,
    occurredAt: at,
  },
});

/** Tier 1 accounts to the strategic pool (rep "strategic"), everyone else to the general pool (rep "general"). */
const byTier = (
  when: Condition[] = [{ field: 'accountTier', in: ['tier_1'] }],
  version = 1,
): RoutingRules => {
  const base = rules([pool(['strategic'], { id: 'strategic' }), pool(['general'], { id: 'general' })]);
  return {
    ...base,
    version,
    rules: [
      { ...base.rules[0]!, id: 'tier-1', when, pool: 'strategic' },
      { ...base.rules[0]!, id: 'rest', when: [], pool: 'general' },
    ],
  };
};

const setup = (doc: RoutingRules = byTier()) => {
  const db = new MemoryDb();
  db.seed([rep('strategic'), rep('general')], [team('team', { calendar: ALWAYS })], doc);
  const catalog = new CatalogCache();
  const engine = new RoutingEngine(catalog, noPublicHolidays);
  const scores = new RecordAccountScores();
  const facts = new RecordLeadFacts();
  const lifecycle = new ApplyLifecycleChanges(engine);
  return {
    db,
    catalog,
    scores: (events: Incoming<AccountScored>[]) => db.transaction((tx) => scores.execute(events, tx)),
    facts: (events: Incoming<LeadUpserted>[]) => db.transaction((tx) => facts.execute(events, tx)),
    lifecycle: (events: Incoming<LifecycleChanged>[]) =>
      db.transaction((tx) => lifecycle.execute(events, tx)),
  };
};

describe('the account scores read model (account-scored)', () => {
  it("keeps each account's tier and band from its newest event", async () => {
    const { db, scores } = setup();
    await scores([accountScored('acme', MONDAY_10, { tier: 'tier_2', band: 'warm' })]);
    await scores([accountScored('acme', MONDAY_10 + 1_000, { tier: 'tier_1', band: 'hot' })]);
    expect(db.accountScores.get('acme')).toEqual({
      accountId: 'acme',
      tier: 'tier_1',
      band: 'hot',
      occurredAt: MONDAY_10 + 1_000,
    });
  });

  it('never lets a late older event overwrite a newer score, across batches or within one', async () => {
    const { db, scores } = setup();
    await scores([accountScored('acme', MONDAY_10, { tier: 'tier_1', band: 'hot' })]);
    await scores([accountScored('acme', MONDAY_10 - 60_000, { tier: 'tier_3', band: 'cold' })]);
    expect(db.accountScores.get('acme')).toMatchObject({
      tier: 'tier_1',
      band: 'hot',
      occurredAt: MONDAY_10,
    });

    await scores([
      accountScored('globex', MONDAY_10 + 5, { tier: 'tier_2', band: 'warm' }),
      accountScored('globex', MONDAY_10 + 1, { tier: 'excluded', band: 'excluded' }),
    ]);
    expect(db.accountScores.get('globex')).toMatchObject({ tier: 'tier_2', band: 'warm' });
  });
});

describe('routing on the account tier and band', () => {
  it("routes an MQL through the rule on its account's tier, and a lead of an unscored account past it", async () => {
    const { db, scores, facts, lifecycle } = setup();
    await scores([accountScored('acme', MONDAY_10 - 5_000, { tier: 'tier_1' })]);
    await facts([
      leadOf('l-acme', 'acme', MONDAY_10 - 4_000),
      leadOf('l-new', 'unscored', MONDAY_10 - 4_000),
    ]);
    await lifecycle([mql('l-acme', MONDAY_10), mql('l-new', MONDAY_10 + 1)]);
    expect(db.published.map((p) => [p.event.leadId, p.event.ruleId, p.event.repId])).toEqual([
      ['l-acme', 'tier-1', 'strategic'],
      ['l-new', 'rest', 'general'],
    ]);
  });

  it('reads the tier as of the routing: a lead whose account was rescored goes by the new tier', async () => {
    const { db, scores, facts, lifecycle } = setup(byTier([{ field: 'accountBand', in: ['hot'] }]));
    await facts([leadOf('l1', 'acme', MONDAY_10 - 10_000)]);
    await scores([accountScored('acme', MONDAY_10 - 9_000, { band: 'hot' })]);
    await scores([accountScored('acme', MONDAY_10 - 8_000, { band: 'cold' })]);
    await lifecycle([mql('l1', MONDAY_10)]);
    expect(db.published[0]?.event).toMatchObject({ leadId: 'l1', ruleId: 'rest', repId: 'general' });
  });

  it('looks the accounts up once per batch, and not at all when no rule asks', async () => {
    const { db, facts } = setup();
    await facts([
      leadOf('l1', 'a1', MONDAY_10 - 1),
      leadOf('l2', 'a2', MONDAY_10 - 1),
      leadOf('l3', 'a1', 1),
    ]);
    const engine = new RoutingEngine(new CatalogCache(), noPublicHolidays);
    const lookups: (readonly string[])[] = [];
    await db.transaction(async (tx) => {
      const findMany = tx.accounts.findMany.bind(tx.accounts);
      tx.accounts.findMany = (ids) => {
        lookups.push(ids);
        return findMany(ids);
      };
      await new ApplyLifecycleChanges(engine).execute(
        [mql('l1', MONDAY_10), mql('l2', MONDAY_10), mql('l3', MONDAY_10)],
        tx,
      );
    });
    expect(lookups).toEqual([['a1', 'a2']]);

    const plain = setup(byTier([{ field: 'country', in: ['DE'] }]));
    await plain.facts([leadOf('l1', 'a1', MONDAY_10 - 1)]);
    const none: (readonly string[])[] = [];
    await plain.db.transaction(async (tx) => {
      tx.accounts.findMany = async (ids) => {
        none.push(ids);
        return new Map();
      };
      await new ApplyLifecycleChanges(new RoutingEngine(new CatalogCache(), noPublicHolidays)).execute(
        [mql('l1', MONDAY_10)],
        tx,
      );
    });
    expect(none).toEqual([]);
    expect(plain.db.published).toHaveLength(1);
  });

  it("dry run: a draft on the account tier replays past leads with their accounts' scores", async () => {
    const { db, scores, facts, lifecycle } = setup(byTier([{ field: 'country', in: ['nowhere'] }]));
    await scores([accountScored('acme', MONDAY_10 - 5_000, { tier: 'tier_1' })]);
    await facts([leadOf('l-acme', 'acme', MONDAY_10 - 4_000), leadOf('l-other', null, MONDAY_10 - 4_000)]);
    await lifecycle([mql('l-acme', MONDAY_10), mql('l-other', MONDAY_10 + 1)]);
    const result = await new DryRunRules(
      new MemoryTransactions(db),
      new CatalogCache(),
      noPublicHolidays,
      1_000,
    ).execute({ draft: byTier(undefined, 2), from: MONDAY_10, to: MONDAY_10 + 10, maxChanges: 10 });
    expect(result).toMatchObject({
      kind: 'compared',
      comparison: {
        leads: 2,
        changedOwners: 1,
        changes: [{ leadId: 'l-acme#1', published: 'general', draft: 'strategic' }],
      },
    });
  });
});
