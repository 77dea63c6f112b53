import type { TestDatabase } from '@smarketing/testing';
import { applyLog, type LogEntry } from '../src/app/__tests__/lifecycle-fixture';
import { MemoryReporting, MemoryRollup } from '../src/app/__tests__/memory-tx';
import type { ReportingTx } from '../src/app/ports/transactions.port';
import type { RollupSettings } from '../src/app/rollup/rollup-settings';
import { plainStores } from '../test/support/plain-stores';
import { createdAt, factEvents, leadJourney, seeded, TOPIC_OF, type Window } from './journeys';

// The state BENCH_EVENTS_BEHIND events would leave, without sending them through Kafka: the
// journeys of a slice of leads are applied by the service's own use cases to in-memory stores
// (src/app/__tests__/memory-tx.ts, the stores' semantics without PostgreSQL), and what they hold
// is written with the service's own PostgreSQL stores (multi-row unnest statements). Leads never
// share state across slices, so the slices' roll-ups add up to the roll-up of the whole log.

const CHUNK = 10_000;
/** Counters held in memory before they are added to the tables (heap bound, not a tuning knob). */
const ROLLUP_HELD = 1_500_000;
/** The consumer's default maxBatchSize: batches of this many events per use-case call. */
const BATCH = 500;
const TOPIC_ORDER = Object.keys(TOPIC_OF) as LogEntry['topic'][];

async function saveInChunks<R>(store: { saveMany(rs: readonly R[]): Promise<void> }, rows: readonly R[]) {
  for (let i = 0; i < rows.length; i += CHUNK) await store.saveMany(rows.slice(i, i + CHUNK));
}

async function saveRecords(pg: ReportingTx, memory: MemoryReporting): Promise<void> {
  await saveInChunks(pg.leads, [...memory.leads.rows.values()]);
  await saveInChunks(pg.opportunities, [...memory.opportunities.rows.values()]);
  await saveInChunks(pg.sla, [...memory.sla.rows.values()]);
  await saveInChunks(pg.credits, [...memory.credits.rows.values()]);
  // Activity adds onto what earlier slices wrote (their leads share accounts).
  const activity = [...memory.accounts.activity.values()];
  for (let i = 0; i < activity.length; i += CHUNK)
    await pg.accounts.addActivity(activity.slice(i, i + CHUNK));
}

/** Applies a log to fresh in-memory stores, topic by topic in batches, as the consumer would. */
async function applyInMemory(log: readonly LogEntry[], settings: RollupSettings): Promise<MemoryReporting> {
  const memory = new MemoryReporting();
  const byTopic = TOPIC_ORDER.flatMap((t) => log.filter((e) => e.topic === t));
  await applyLog(byTopic, memory.tx, settings, BATCH);
  return memory;
}

/**
 * Adds the counters held to reporting_daily and reporting_monthly (PgRollupStore.add: sums onto
 * counters already there, so flushing early changes nothing) and empties them.
 */
async function flush(pg: ReportingTx, rollup: MemoryRollup): Promise<number> {
  const counters = [...rollup.counters.values()];
  for (let i = 0; i < counters.length; i += CHUNK) await pg.rollup.add(counters.slice(i, i + CHUNK));
  rollup.counters.clear();
  return counters.length;
}

export type BulkState = {
  readonly leads: number;
  readonly events: number;
  /** Counters written (a counter flushed twice counts twice). */
  readonly rollupRows: number;
  readonly seconds: number;
};

/**
 * Fills the service's database with `leads` leads and about `events` events behind them, in
 * `window`; `progress` hears each slice done.
 */
export async function buildBulkState(
  db: TestDatabase,
  settings: RollupSettings,
  o: { readonly leads: number; readonly events: number; readonly window: Window; readonly seed: number },
  progress: (line: string) => void = () => undefined,
): Promise<BulkState> {
  const started = process.hrtime.bigint();
  const random = seeded(o.seed);
  const pg = plainStores(db);
  const rollup = new MemoryRollup();
  const accounts = Array.from({ length: Math.max(1, Math.floor(o.leads / 10)) }, (_, i) => `acct-${i}`);
  const facts = factEvents(o.window, accounts, random);
  const perLead = Math.max(1, (o.events - facts.length) / o.leads);
  let events = facts.length;
  let rollupRows = 0;
  let writing: Promise<void> = Promise.resolve();
  let asOf = 0;
  for (let first = 0; first < o.leads; first += CHUNK) {
    const log: LogEntry[] = [];
    for (let i = first; i < Math.min(o.leads, first + CHUNK); i++)
      log.push(
        ...leadJourney(
          `lead-${i}`,
          random() < 0.7 ? accounts[i % accounts.length]! : null,
          random,
          createdAt(i, o.leads, o.window, random),
          o.window,
          perLead,
        ),
      );
    events += log.length;
    const memory = await applyInMemory(log, settings);
    // PostgreSQL writes one slice while this process applies the next.
    await writing;
    writing = saveRecords(pg, memory);
    writing.catch(() => undefined); // awaited (and so thrown) before the next slice is written
    await rollup.add([...memory.rollup.counters.values()]);
    asOf = Math.max(asOf, memory.rollup.asOf ?? 0);
    if (rollup.counters.size > ROLLUP_HELD) {
      await writing;
      rollupRows += await flush(pg, rollup);
    }
    if ((first / CHUNK) % 10 === 9 || first + CHUNK >= o.leads)
      progress(`${Math.min(o.leads, first + CHUNK)} leads, ${events} events`);
  }
  await writing;
  const memory = await applyInMemory(facts, settings);
  await saveInChunks(pg.costs, [...memory.costs.rows.values()]);
  await saveInChunks(pg.volume, [...memory.volume.rows.values()]);
  await saveInChunks(pg.accounts, [...memory.accounts.rows.values()]);
  await rollup.add([...memory.rollup.counters.values()]);
  asOf = Math.max(asOf, memory.rollup.asOf ?? 0);
  rollupRows += await flush(pg, rollup);
  await pg.rollup.applied(asOf || null);
  await db.query('ANALYZE');
  return {
    leads: o.leads,
    events,
    rollupRows,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}
