import type { AccountScored } from '@smarketing/contracts';
import { scoreAccount, type Icp } from '../../../domain';
import { newAccountRecord, type AccountRecord } from '../../account/account-record';
import { loadBundledIcps } from '../../model-file/bundled-icps';
import type { StoredIcp } from '../../ports/icp-store.port';
import { Transactions, type ScoringTx } from '../../ports/transactions.port';
import { PublishIcp } from '../publish-icp.use-case';

const aligned = loadBundledIcps()[0]!;
const T = Date.UTC(2026, 11, 1);

/** The stores PublishIcp uses, in memory; a failed unit of work leaves them as they were. */
class Memory extends Transactions {
  icps: StoredIcp[] = [
    { icp: aligned, isCurrent: true, source: 'bundled', publishedAt: 0, publishedBy: null },
  ];
  accounts = new Map<string, AccountRecord>();
  events: AccountScored[] = [];

  async run<R>(work: (tx: ScoringTx) => Promise<R>): Promise<R> {
    const tx = {
      icps: {
        latest: async (id: string) =>
          this.icps.filter((s) => s.icp.id === id).sort((a, b) => b.icp.version - a.icp.version)[0],
        current: async () => this.icps.find((s) => s.isCurrent)?.icp,
        insert: async (s: StoredIcp) => {
          if (this.icps.some((x) => x.icp.id === s.icp.id && x.icp.version === s.icp.version)) return false;
          this.icps.push(s);
          return true;
        },
        setCurrent: async (id: string, version: number) => {
          for (const s of this.icps) s.isCurrent = s.icp.id === id && s.icp.version === version;
        },
      },
      accounts: {
        lockChunk: async (after: string | null, limit: number) =>
          [...this.accounts.values()]
            .filter((a) => after === null || a.accountId > after)
            .sort((a, b) => (a.accountId < b.accountId ? -1 : 1))
            .slice(0, limit)
            .map((a) => structuredClone(a)),
        saveMany: async (list: AccountRecord[]) => {
          for (const a of list) this.accounts.set(a.accountId, a);
        },
      },
      events: { accountScored: (e: AccountScored) => this.events.push(e) },
    } as unknown as ScoringTx;
    return work(tx);
  }
}

const account = (accountId: string, industry: string): AccountRecord => {
  const record = newAccountRecord(accountId, T);
  record.profile = { employeeCount: 450, industry, region: 'NA', properties: {} };
  record.score = scoreAccount(aligned, record.profile, {}, T);
  return record;
};

describe('PublishIcp', () => {
  const retailToo: Icp = {
    ...aligned,
    version: 2,
    rules: aligned.rules.map((r) =>
      r.id === 'target-industry' ? { ...r, condition: { kind: 'industry_in', industries: ['retail'] } } : r,
    ),
  };

  it('makes a new version of the current ICP current and re-scores every account, emitting the changes only', async () => {
    const memory = new Memory();
    memory.accounts.set('shop', account('shop', 'retail'));
    memory.accounts.set('soft', account('soft', 'software'));
    memory.accounts.set('bank', account('bank', 'banking'));
    const result = await new PublishIcp(memory, { now: () => T + 1 }).execute({
      document: JSON.parse(JSON.stringify(retailToo)),
      makeCurrent: false,
      publishedBy: 'key-1',
    });
    expect(result).toMatchObject({ kind: 'published', isCurrent: true, rescored: 3, changed: 2 });
    expect(memory.icps.find((s) => s.isCurrent)?.icp.version).toBe(2);
    expect(memory.events.map((e) => [e.accountId, e.previousTier, e.tier, e.cause])).toEqual([
      ['shop', 'tier_2', 'tier_1', 'icp:aligned@2'],
      ['soft', 'tier_1', 'tier_2', 'icp:aligned@2'],
    ]);
    // Event time of the account, not of the publication.
    expect(memory.events[0]?.occurredAt).toBe(T);
  });

  it('refuses a version that is not newer', async () => {
    const memory = new Memory();
    const result = await new PublishIcp(memory, { now: () => T }).execute({
      document: JSON.parse(JSON.stringify(aligned)),
      makeCurrent: true,
      publishedBy: 'key-1',
    });
    expect(result).toEqual({
      kind: 'conflict',
      message: 'ICP aligned version 1 is not newer than the published version 1',
    });
  });

  it('returns each bad field with its path and writes nothing', async () => {
    const memory = new Memory();
    const result = await new PublishIcp(memory, { now: () => T }).execute({
      document: { ...JSON.parse(JSON.stringify(retailToo)), tiers: [] },
      makeCurrent: true,
      publishedBy: 'key-1',
    });
    expect(result).toEqual({
      kind: 'invalid',
      errors: [{ path: 'tiers', message: 'an ICP needs at least one tier' }],
    });
    expect(memory.icps).toHaveLength(1);
  });

  it('publishes another ICP id without making it current unless asked', async () => {
    const memory = new Memory();
    memory.accounts.set('soft', account('soft', 'software'));
    const other = { ...JSON.parse(JSON.stringify(retailToo)), id: 'retail', version: 1 };
    const result = await new PublishIcp(memory, { now: () => T }).execute({
      document: other,
      makeCurrent: false,
      publishedBy: 'key-1',
    });
    expect(result).toMatchObject({ kind: 'published', isCurrent: false, rescored: 0 });
    expect(memory.events).toEqual([]);
  });
});
