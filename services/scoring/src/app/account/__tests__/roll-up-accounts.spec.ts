import type { AccountScored, LeadScored, LifecycleChanged } from '@smarketing/contracts';
import fc from 'fast-check';
import {
  addTouchpoints,
  placeContribution,
  type AccountMembers,
  type BacktestAccount,
  type Icp,
  type LeadProfile,
  type TouchpointType,
} from '../../../domain';
import { loadBundledIcps } from '../../model-file/bundled-icps';
import { loadBundledModels } from '../../model-file/bundled-models';
import { newLeadRecord, type LeadRecord } from '../../lead/lead-record';
import { rescoreLead } from '../../lead/rescore-lead';
import {
  AccountStore,
  type AccountLead,
  type AccountListQuery,
  type QueuedAccount,
} from '../../ports/account-store.port';
import { IcpStore, type StoredIcp } from '../../ports/icp-store.port';
import { ScoringEventSink } from '../../ports/scoring-event-sink.port';
import type { ScoringTx } from '../../ports/transactions.port';
import { newAccountRecord, type AccountRecord } from '../account-record';
import {
  contributionOf,
  loadedLead,
  queueAccountRollUps,
  rollUpQueuedAccounts,
  type LeadAccountChange,
} from '../roll-up-accounts';

const aligned = loadBundledModels().find((m) => m.id === 'aligned')!;
const icp = loadBundledIcps()[0]!;

class MemoryAccounts extends AccountStore {
  readonly rows = new Map<string, AccountRecord>();
  readonly locked: string[][] = [];
  readonly queue: { accountId: string; at: number; cause: string }[] = [];
  /** The leads table as the lead batches left it. */
  readonly leads = new Map<string, LeadRecord>();
  async enqueue(accounts: readonly { accountId: string; at: number }[], cause: string) {
    for (const a of accounts) this.queue.push({ ...a, cause });
  }
  async claimQueued(limit: number) {
    const taken = this.queue.splice(0, limit);
    const byAccount = new Map<string, QueuedAccount>();
    for (const q of taken) {
      const seen = byAccount.get(q.accountId);
      byAccount.set(q.accountId, {
        accountId: q.accountId,
        firstAt: Math.min(q.at, seen?.firstAt ?? q.at),
        at: Math.max(q.at, seen?.at ?? q.at),
        cause: q.cause,
      });
    }
    return {
      changes: taken.length,
      accounts: [...byAccount.values()].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)),
    };
  }
  async leadsOf(accountIds: readonly string[]): Promise<AccountLead[]> {
    return [...this.leads.values()].filter(
      (l) => l.mergedInto === null && l.erasure === null && accountIds.includes(l.account?.accountId ?? ''),
    );
  }
  async lockMany(firstSeenAt: ReadonlyMap<string, number>) {
    this.locked.push([...firstSeenAt.keys()]);
    for (const [id, at] of firstSeenAt) if (!this.rows.has(id)) this.rows.set(id, newAccountRecord(id, at));
    // Copies, as rows read from PostgreSQL are.
    return new Map([...firstSeenAt.keys()].map((id) => [id, structuredClone(this.rows.get(id)!)]));
  }
  async saveMany(accounts: readonly AccountRecord[]) {
    for (const a of accounts) this.rows.set(a.accountId, structuredClone(a));
  }
  async find(id: string) {
    return this.rows.get(id);
  }
  async list(_query: AccountListQuery): Promise<AccountRecord[]> {
    return [...this.rows.values()];
  }
  async lockChunk(): Promise<AccountRecord[]> {
    return [];
  }
  async backtestable(): Promise<BacktestAccount[]> {
    return [];
  }
}

class OneIcp extends IcpStore {
  constructor(private readonly icp: Icp) {
    super();
  }
  async insert() {
    return false;
  }
  async get(): Promise<StoredIcp | undefined> {
    return undefined;
  }
  async latest(): Promise<StoredIcp | undefined> {
    return undefined;
  }
  async list(): Promise<StoredIcp[]> {
    return [];
  }
  async current() {
    return this.icp;
  }
  async setCurrent() {}
}

class MemorySink extends ScoringEventSink {
  readonly accounts: AccountScored[] = [];
  leadScored(_e: LeadScored) {}
  lifecycleChanged(_e: LifecycleChanged) {}
  accountScored(e: AccountScored) {
    this.accounts.push(e);
  }
}

const T0 = Date.UTC(2026, 10, 2, 9);
const firmographics = { employeeCount: 450, industry: 'software', country: 'US', region: 'NA' as const };

describe('rollUpAccounts', () => {
  let accounts: MemoryAccounts;
  let sink: MemorySink;
  let tx: ScoringTx;
  beforeEach(() => {
    accounts = new MemoryAccounts();
    sink = new MemorySink();
    tx = { accounts, icps: new OneIcp(icp), events: sink } as unknown as ScoringTx;
  });

  /** A lead of `accountId` with a profile and touchpoints, scored under the aligned model. */
  const lead = (
    leadId: string,
    accountId: string | null,
    seniority: LeadProfile['seniority'],
    types: TouchpointType[],
    at = T0,
  ): LeadRecord => {
    const record = newLeadRecord(leadId, at);
    record.profile = { seniority, properties: { annualRevenue: 50_000_000 }, ...firmographics };
    record.profileAt = at;
    record.account = accountId === null ? null : { accountId, domain: `${accountId}.com`, name: accountId };
    record.touchpoints = addTouchpoints(
      {},
      types.map((type, i) => ({ touchpointId: `${leadId}-${i}`, type, occurredAt: at })),
    );
    rescoreLead(record, aligned, { cause: 'test', eventId: null, evaluateAt: at }, sink);
    return record;
  };
  const change = (record: LeadRecord, accountBefore: string | null, at = T0): LeadAccountChange => ({
    lead: record,
    accountBefore,
    at,
  });
  /** A lead batch (its leads saved, their accounts queued), then the worker's roll-up round. */
  const rollUp = async (changes: LeadAccountChange[], cause: string, on = tx, store = accounts) => {
    for (const c of changes) store.leads.set(c.lead.leadId, structuredClone(c.lead));
    await queueAccountRollUps(changes, cause, on);
    await rollUpQueuedAccounts(on, 1_000);
  };

  it('rolls three people at one company into one account-scored with their coverage', async () => {
    const people = [
      lead('vp', 'acme', 'c_level_vp', ['demo_request']),
      lead('director', 'acme', 'director', ['content_download']),
      lead('manager', 'acme', 'manager', ['page_view']),
    ];
    await rollUp(
      people.map((p) => change(p, null)),
      'lead:profile',
      tx,
    );
    expect(sink.accounts).toHaveLength(1);
    // fit 30 + 30 + 20 + 20; leads' engagement 30 + 10 + 5 = 45 x 0.5 = 22.5, 3 x 5, 3 levels x 10
    expect(sink.accounts[0]).toMatchObject({
      accountId: 'acme',
      accountDomain: 'acme.com',
      fit: 100,
      engagement: 67.5,
      total: 167.5,
      tier: 'tier_1',
      band: 'hot',
      previousTier: null,
      leads: 3,
      engagedLeads: 3,
      leadEngagement: 45,
      seniorityLevels: ['c_level_vp', 'director', 'manager'],
      hottestLeadId: 'vp',
      cause: 'lead:profile',
      occurredAt: T0,
    });
  });

  it('moves a lead that changes account: its contribution leaves the old one', async () => {
    const vp = lead('vp', 'acme', 'c_level_vp', ['demo_request']);
    await rollUp([change(vp, null)], 'lead:profile', tx);
    const moved = lead('vp', 'globex', 'c_level_vp', ['demo_request'], T0 + 1_000);
    await rollUp([change(moved, 'acme', T0 + 1_000)], 'lead:profile', tx);
    expect(accounts.rows.get('acme')?.members).toEqual({});
    expect(Object.keys(accounts.rows.get('globex')?.members ?? {})).toEqual(['vp']);
    const last = sink.accounts.filter((e) => e.accountId === 'acme').at(-1);
    expect(last).toMatchObject({ leads: 0, engagedLeads: 0, cause: 'lead:profile', occurredAt: T0 + 1_000 });
  });

  it('drops a merged lead from its account and counts the survivor', async () => {
    const anon = lead('anon', 'acme', 'unknown', ['pricing_page_view', 'page_view']);
    await rollUp([change(anon, null)], 'lead:touchpoint', tx);
    const tombstone = { ...newLeadRecord('anon', T0), mergedInto: 'known' };
    const survivor = lead('known', 'acme', 'director', ['pricing_page_view', 'page_view'], T0 + 5);
    await rollUp([change(tombstone, 'acme', T0 + 5), change(survivor, null, T0 + 5)], 'lead:merge', tx);
    expect(Object.keys(accounts.rows.get('acme')?.members ?? {})).toEqual(['known']);
    expect(sink.accounts.at(-1)).toMatchObject({
      leads: 1,
      seniorityLevels: ['director'],
      cause: 'lead:merge',
    });
  });

  it('re-scores an account that several batches touched once per round, at their latest time and cause', async () => {
    const vp = lead('vp', 'acme', 'c_level_vp', ['demo_request']);
    const director = lead('director', 'acme', 'director', ['content_download'], T0 + 10);
    for (const [l, at, cause] of [
      [vp, T0, 'lead:profile'],
      [director, T0 + 10, 'lead:touchpoint'],
    ] as const) {
      accounts.leads.set(l.leadId, structuredClone(l));
      await queueAccountRollUps([change(l, null, at)], cause, tx);
    }
    expect(accounts.queue).toHaveLength(2);
    expect(sink.accounts).toEqual([]);
    await expect(rollUpQueuedAccounts(tx, 1_000)).resolves.toBe(2);
    expect(sink.accounts).toHaveLength(1);
    expect(sink.accounts[0]).toMatchObject({ leads: 2, cause: 'lead:touchpoint', occurredAt: T0 + 10 });
    await expect(rollUpQueuedAccounts(tx, 1_000)).resolves.toBe(0);
  });

  it('emits nothing when nothing about the account changed', async () => {
    const vp = lead('vp', 'acme', 'c_level_vp', ['demo_request']);
    await rollUp([change(vp, null)], 'lead:profile', tx);
    await rollUp([change(vp, 'acme')], 'lead:profile', tx);
    expect(sink.accounts).toHaveLength(1);
  });

  it('leaves a lead without an account out of every account', async () => {
    await rollUp([change(lead('free', null, 'director', ['demo_request']), null)], 'lead:profile', tx);
    expect(accounts.rows.size).toBe(0);
    expect(sink.accounts).toEqual([]);
  });
  it('queues and locks nothing for a lead whose account, contribution and profile are as loaded', async () => {
    const vp = lead('vp', 'acme', 'c_level_vp', ['demo_request']);
    await rollUp([change(vp, null)], 'lead:profile', tx);
    const loaded = loadedLead(vp);
    accounts.locked.length = 0;
    await queueAccountRollUps([{ ...change(vp, 'acme'), loaded }], 'lead:touchpoint', tx);
    expect(accounts.queue).toEqual([]);
    await rollUpQueuedAccounts(tx, 1_000);
    expect(accounts.locked).toEqual([]);
    expect(sink.accounts).toHaveLength(1);
  });

  it('re-scores the account when the contribution changed since it was loaded', async () => {
    const vp = lead('vp', 'acme', 'c_level_vp', ['page_view']);
    await rollUp([change(vp, null)], 'lead:profile', tx);
    const loaded = loadedLead(vp);
    const engaged = lead('vp', 'acme', 'c_level_vp', ['page_view', 'demo_request']);
    await rollUp([{ ...change(engaged, 'acme'), loaded }], 'lead:touchpoint', tx);
    expect(accounts.locked.at(-1)).toEqual(['acme']);
    expect(accounts.rows.get('acme')?.members['vp']).toEqual(contributionOf(engaged));
    expect(sink.accounts.at(-1)).toMatchObject({ accountId: 'acme', cause: 'lead:touchpoint' });
  });

  it('refreshes the firmographics from a profile re-sent at the same event time', async () => {
    const vp = lead('vp', 'acme', 'c_level_vp', ['demo_request']);
    await rollUp([change(vp, null)], 'lead:profile', tx);
    const loaded = loadedLead(vp);
    const renamed = lead('vp', 'acme', 'c_level_vp', ['demo_request']);
    renamed.account = { accountId: 'acme', domain: 'acme.com', name: 'Acme Inc.' };
    await rollUp([{ ...change(renamed, 'acme'), loaded }], 'lead:profile', tx);
    expect(accounts.rows.get('acme')?.profile.name).toBe('Acme Inc.');
  });

  it('writes back only the accounts that changed', async () => {
    const a = lead('a', 'acme', 'director', ['demo_request']);
    const b = lead('b', 'globex', 'manager', ['demo_request']);
    await rollUp([change(a, null), change(b, null)], 'lead:profile', tx);
    const saved = jest.spyOn(accounts, 'saveMany');
    const moreA = lead('a', 'acme', 'director', ['demo_request', 'pricing_page_view']);
    // b is unchanged but given without what was loaded: its account is locked, not rewritten.
    await rollUp([change(moreA, 'acme'), change(b, 'globex')], 'lead:touchpoint', tx);
    expect(saved.mock.calls.at(-1)?.[0].map((x) => x.accountId)).toEqual(['acme']);
  });

  it('places contributions as the domain rule does, one lead after another (property)', async () => {
    const ids = ['l1', 'l2', 'l3', 'l4'];
    const accountIds = ['a1', 'a2', 'a3'];
    const arbStep = fc.record({
      leadId: fc.constantFrom(...ids),
      accountId: fc.option(fc.constantFrom(...accountIds), { nil: null }),
      touchpoints: fc.array(fc.constantFrom<TouchpointType>('page_view', 'demo_request', 'webinar'), {
        maxLength: 3,
      }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(arbStep, { maxLength: 6 }), { maxLength: 4 }), async (batches) => {
        const store = new MemoryAccounts();
        const localTx = {
          accounts: store,
          icps: new OneIcp(icp),
          events: new MemorySink(),
        } as unknown as ScoringTx;
        let expected = new Map<string, AccountMembers>();
        const where = new Map<string, string | null>();
        for (const batch of batches) {
          const latest = new Map<string, LeadRecord>();
          const before = new Map<string, string | null>();
          for (const step of batch) {
            if (!before.has(step.leadId)) before.set(step.leadId, where.get(step.leadId) ?? null);
            const record = lead(step.leadId, step.accountId, 'director', step.touchpoints);
            latest.set(step.leadId, record);
          }
          await rollUp(
            [...latest.values()].map((l) => change(l, before.get(l.leadId) ?? null)),
            'lead:touchpoint',
            localTx,
            store,
          );
          for (const l of latest.values()) {
            const to =
              l.account === null ? null : { accountId: l.account.accountId, contribution: contributionOf(l) };
            const all = new Map(expected);
            if (to !== null && !all.has(to.accountId)) all.set(to.accountId, {});
            for (const [id, next] of placeContribution(all, l.leadId, to)) all.set(id, next);
            expected = all;
            where.set(l.leadId, l.account?.accountId ?? null);
          }
        }
        for (const [accountId, members] of expected)
          expect(store.rows.get(accountId)?.members ?? {}).toEqual(members);
      }),
      { numRuns: 60 },
    );
  });
});
