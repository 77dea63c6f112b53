import { randomBytes } from 'node:crypto';
import { dlqTopicName, HEADER } from '@smarketing/contracts';
import {
  createTestDatabase,
  createTopics,
  deleteSubject,
  deleteTopics,
  ensureStack,
  provisionTestTopic,
  restartKafka,
  testTopicDef,
  readTopic,
  topicEndOffsets,
  uniqueTopicName,
  waitFor,
  waitForStable,
  type TestDatabase,
} from '@smarketing/testing';
import type { DataSource } from 'typeorm';
import { TransactionRunner } from '../src';
import {
  effectCounts,
  effectsHandler,
  leadErased,
  openDatabase,
  serde,
  startConsumer,
  type RunningConsumer,
} from './support/harness';

const N = 6_000;
const PER_TX = 50;

describe('a broker restart while events flow', () => {
  const topic = testTopicDef(uniqueTopicName('lead-erased'));
  const consumer = `restart-${randomBytes(4).toString('hex')}`;
  const dlq = dlqTopicName(consumer, topic.name);
  const s = serde();
  let db: TestDatabase;
  let ds: DataSource;
  let running: RunningConsumer | undefined;

  beforeAll(async () => {
    await ensureStack();
    db = await createTestDatabase('smarketing_test_messaging');
    ds = await openDatabase(db.url);
    await provisionTestTopic(topic);
    await createTopics([dlq]);
  });

  afterAll(async () => {
    await running?.stop();
    await ds?.destroy();
    await db?.drop();
    await deleteTopics([topic.name, dlq]);
    await deleteSubject(`${topic.name}-value`);
  });

  it('ends with every written event applied exactly once: relay and consumer ride out the restart', async () => {
    // The relay publishes what TransactionRunner writes; the consumer applies it.
    running = await startConsumer({
      name: consumer,
      dataSource: ds,
      handlers: [effectsHandler(topic, { consumer })],
      serde: s,
      relayTopics: [topic],
    });
    const runner = new TransactionRunner(ds, s, () => running?.relay?.wake());

    let written = 0;
    const writer = (async () => {
      for (let i = 0; i < N; i += PER_TX) {
        await runner.run(async (tx) => {
          for (let j = i; j < i + PER_TX; j++) tx.publish(topic, leadErased(j));
        });
        written += PER_TX;
        await new Promise((r) => setTimeout(r, 40)); // a steady stream, not one burst
      }
    })();

    await waitFor(async () => (await effectCounts(db.query, consumer)).rows >= N / 5, {
      timeoutMs: 60_000,
      description: 'first effects',
    });
    const beforeRestart = (await effectCounts(db.query, consumer)).rows;
    const writtenAtRestart = written;
    await restartKafka();
    await writer;
    expect(written).toBe(N);
    expect(beforeRestart).toBeLessThan(N);
    expect(writtenAtRestart).toBeLessThan(N); // events were still being written when the broker went away

    await waitForStable(async () => (await effectCounts(db.query, consumer)).rows, N, {
      timeoutMs: 150_000,
      stableMs: 3_000,
      description: 'applied effects',
    });
    expect(await effectCounts(db.query, consumer)).toEqual({ rows: N, distinct: N, total: N });
    // Every written event was published (the relay deletes what the broker acknowledged); repeated
    // publishes are allowed (at least once on the wire) and nothing was dead-lettered.
    await waitFor(async () => (await outboxRows(db.query, topic.name)) === 0, {
      timeoutMs: 60_000,
      description: 'outbox drained',
    });
    const published = await readTopic(topic.name);
    expect(new Set(published.map((r) => r.headers[HEADER.eventId])).size).toBe(N);
    expect((await topicEndOffsets(dlq)).total).toBe(0);
  });
});

async function outboxRows(query: TestDatabase['query'], topic: string): Promise<number> {
  const [row] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = $1`,
    [topic],
  );
  return row?.n ?? -1;
}
