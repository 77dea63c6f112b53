import { randomBytes } from 'node:crypto';
import { dlqTopicName } from '@smarketing/contracts';
import {
  createTestDatabase,
  createTopics,
  deleteSubject,
  deleteTopics,
  ensureStack,
  provisionTestTopic,
  readTopic,
  spawnTs,
  testTopicDef,
  uniqueTopicName,
  waitFor,
  waitForStable,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';
import * as path from 'node:path';
import { effectCounts, kafkaAdapter, produceEvents, serde } from './support/harness';

const FIXTURE = path.join(__dirname, 'fixtures/effect-consumer.ts');
const N = 20_000;

describe('a consumer killed with SIGKILL in the middle of a batch', () => {
  const input = testTopicDef(uniqueTopicName('lead-erased'));
  const output = testTopicDef(uniqueTopicName('lead-erased-out'));
  const consumer = `crash-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  const children: TsProcess[] = [];

  beforeAll(async () => {
    await ensureStack();
    db = await createTestDatabase('smarketing_test_messaging');
    await provisionTestTopic(input);
    await provisionTestTopic(output);
    await createTopics([dlqTopicName(consumer, input.name)]);
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await db?.drop();
    await deleteTopics([input.name, output.name, dlqTopicName(consumer, input.name)]);
    await deleteSubject(`${input.name}-value`);
    await deleteSubject(`${output.name}-value`);
  });

  const start = (): TsProcess => {
    const child = spawnTs(FIXTURE, {
      DATABASE_URL: db.url,
      IN_TOPIC: input.name,
      OUT_TOPIC: output.name,
      CONSUMER: consumer,
      DELAY_MS: '150',
      RELAY: '1',
    });
    children.push(child);
    return child;
  };

  it('applies every event exactly once after a restart, and publishes one output event per input event', async () => {
    const kafka = kafkaAdapter('crash-test-producer');
    const ids = await produceEvents(kafka, serde(), input, 0, N);
    await kafka.close();

    const first = start();
    await first.waitForLine('joined');
    // Kill it while it works: some batches applied, many still to come, one most likely open.
    await waitFor(async () => (await effectCounts(db.query, consumer)).rows >= N / 5, {
      timeoutMs: 120_000,
      description: 'first effects',
    });
    first.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const atKill = await effectCounts(db.query, consumer);
    expect(atKill.rows).toBeLessThan(N);

    const second = start();
    await waitForStable(async () => (await effectCounts(db.query, consumer)).rows, N, {
      timeoutMs: 170_000,
      stableMs: 3_000,
      description: 'applied effects',
    });

    const counts = await effectCounts(db.query, consumer);
    expect(counts).toEqual({ rows: N, distinct: N, total: N });
    const [applied] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM effects WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(applied?.n).toBe(N);
    const [inbox] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messaging_inbox WHERE consumer = $1`,
      [consumer],
    );
    expect(inbox?.n).toBe(N);

    // The relay may repeat a publish after the kill, never lose one. A repeat keeps its event id, and
    // an effect is committed once per input event: N distinct ids on the topic is one per input event.
    await waitFor(
      async () =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messaging_outbox`))[0]?.n === 0,
      {
        timeoutMs: 60_000,
        description: 'outbox drained',
      },
    );
    const published = await readTopic(output.name);
    expect(new Set(published.map((r) => r.headers['event-id'])).size).toBe(N);

    second.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
