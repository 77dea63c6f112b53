import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { dlqTopicName } from '@smarketing/contracts';
import {
  createTestDatabase,
  createTopics,
  deleteSubject,
  deleteTopics,
  ensureStack,
  provisionTestTopic,
  spawnTs,
  testTopicDef,
  uniqueTopicName,
  waitFor,
  waitForStable,
  withAdmin,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';
import { effectCounts, kafkaAdapter, produceEvents, serde } from './support/harness';

const FIXTURE = path.join(__dirname, 'fixtures/effect-consumer.ts');
const N = 10_000;

describe('graceful shutdown', () => {
  const input = testTopicDef(uniqueTopicName('lead-erased'));
  const output = testTopicDef(uniqueTopicName('lead-erased-out'));
  const consumer = `shutdown-${randomBytes(4).toString('hex')}`;
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
      DELAY_MS: '100',
      MAX_BATCH_SIZE: '200',
    });
    children.push(child);
    return child;
  };

  const committed = async (): Promise<number> => {
    const [t] = await withAdmin((admin) => admin.fetchOffsets({ groupId: consumer, topics: [input.name] }));
    return (t?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  };

  it('exits 0 promptly on SIGTERM mid-stream, keeps committed offsets behind applied effects, and finishes exactly once after a restart', async () => {
    const kafka = kafkaAdapter('shutdown-test-producer');
    await produceEvents(kafka, serde(), input, 0, N);
    await kafka.close();

    const first = start();
    await first.waitForLine('joined');
    await waitFor(async () => (await effectCounts(db.query, consumer)).rows >= N / 5, {
      timeoutMs: 120_000,
      description: 'first effects',
    });
    const signalled = Date.now();
    first.kill('SIGTERM');
    const exit = await first.exited;
    const tookMs = Date.now() - signalled;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('stopped');
    expect(tookMs).toBeLessThan(15_000);

    // It stopped mid-stream; every committed offset is backed by an applied (and committed) effect.
    const applied = await effectCounts(db.query, consumer);
    expect(applied.rows).toBeLessThan(N);
    expect(applied.distinct).toBe(applied.rows);
    const offsets = await committed();
    expect(offsets).toBeGreaterThan(0);
    expect(offsets).toBeLessThanOrEqual(applied.rows);

    const second = start();
    await waitForStable(async () => (await effectCounts(db.query, consumer)).rows, N, {
      timeoutMs: 150_000,
      stableMs: 3_000,
      description: 'applied effects',
    });
    expect(await effectCounts(db.query, consumer)).toEqual({ rows: N, distinct: N, total: N });
    const [outbox] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = $1`,
      [output.name],
    );
    expect(outbox?.n).toBe(N);
    await waitFor(async () => (await committed()) === N, {
      timeoutMs: 30_000,
      description: 'all offsets committed',
    });

    second.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
