import { createMigratedTestDatabase } from '@smarketing/service-testing';
import type { TestDatabase } from '@smarketing/testing';
import { applyLog, lifecycleLog, type LogEntry } from '../src/app/__tests__/lifecycle-fixture';
import { MemoryReporting } from '../src/app/__tests__/memory-tx';
import { migrations } from '../src/infra/migrations';
import { plainStores } from './support/plain-stores';

const PERIODS = ['2026-Q4', '2026-11', '2026-10', '2026-W45', '2026-W46', '2026-W48'];
const settings = { currency: 'USD' };

/**
 * Tier 1 coverage in PostgreSQL (reporting_account_activity and its Tier 1 flag, kept by two
 * writers) against the in-memory stores, which decide the tier when asked: whether the accounts'
 * tiers arrive before their leads' MQLs and opportunities, after them, or where the log has them.
 */
describe('reporting: Tier 1 coverage whichever comes first, the account or its activity', () => {
  const log = lifecycleLog();
  const accounts = log.filter((e) => e.topic === 'accounts');
  const rest = log.filter((e) => e.topic !== 'accounts');
  let expected: [string, unknown][];
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    const memory = new MemoryReporting();
    await applyLog(log, memory.tx, settings);
    expected = [...(await memory.tx.accounts.tier1Coverage(PERIODS))];
  });

  afterAll(async () => {
    await Promise.all(databases.map((db) => db.drop()));
  });

  it.each<[string, LogEntry[]]>([
    ['as the log has them', log],
    ['accounts first', [...accounts, ...rest]],
    ['accounts last', [...rest, ...accounts]],
  ])('gives the in-memory coverage with %s', async (_order, ordered) => {
    const db = await createMigratedTestDatabase('reporting-coverage', migrations);
    databases.push(db);
    await applyLog(ordered, plainStores(db), settings);
    const coverage = [...(await plainStores(db).accounts.tier1Coverage(PERIODS))];
    expect(coverage).toEqual(expected);
    // The log has Tier 1 accounts with activity in November: the comparison is not of zeros.
    expect(coverage.find(([p]) => p === '2026-11')?.[1]).toMatchObject({ accounts: 3, withMql: 2 });
  });
});
