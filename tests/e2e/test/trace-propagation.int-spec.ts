// A real ingestion process (its own main.ts, so its instrumentation file) receives a request with a
// W3C traceparent: its request log line and the event it publishes carry that trace.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { TOPICS } from '@smarketing/contracts';
import {
  createTestDatabase,
  ensureStack,
  readTopic,
  repoRoot,
  spawnTs,
  stackEnv,
  topicPositions,
  waitFor,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';

const WRITE_KEY = `smk_trace_write_${randomUUID().replace(/-/g, '')}`;
const ADMIN_KEY = `smk_trace_admin_${randomUUID().replace(/-/g, '')}`;
const PORT = 3951 + Math.floor(Math.random() * 40);

describe('trace context through a real ingestion process', () => {
  let db: TestDatabase;
  let service: TsProcess;

  beforeAll(async () => {
    await ensureStack();
    db = await createTestDatabase('smarketing_test_trace_ingestion');
    const env = {
      KAFKA_BROKERS: stackEnv().brokers.join(','),
      SCHEMA_REGISTRY_URL: stackEnv().registryUrl,
      DATABASE_URL: db.url,
    };
    const migrate = spawnTs(join(repoRoot(), 'services/ingestion/src/infra/migrate.main.ts'), env);
    expect((await migrate.exited).code).toBe(0);
    service = spawnTs(join(repoRoot(), 'services/ingestion/src/main.ts'), {
      ...env,
      PORT: String(PORT),
      LOG_LEVEL: 'info',
      CONSUMER_GROUP: `ingestion-trace-${randomUUID()}`,
      API_KEYS: `admin+ingest+read:${ADMIN_KEY}`,
      INGESTION_DEV_WRITE_KEY: WRITE_KEY,
    });
    await waitFor(
      async () =>
        (await fetch(`http://127.0.0.1:${PORT}/health/ready`).catch(() => undefined))?.status === 200,
      { timeoutMs: 120_000, description: 'ingestion ready' },
    ).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}\n${service.output().slice(-3_000)}`);
    });
  }, 300_000);

  afterAll(async () => {
    service?.kill('SIGTERM');
    await service?.exited;
    await db?.drop();
  });

  it('logs the request and publishes its event under the caller’s trace id', async () => {
    const traceId = randomBytes(16).toString('hex');
    const from = await topicPositions([TOPICS.leadUpserted.name]);
    const userId = `trace-${randomUUID()}`;
    const res = await fetch(`http://127.0.0.1:${PORT}/v1/identify`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({
        messageId: randomUUID(),
        userId,
        traits: { email: `${userId}@trace-example.com` },
      }),
    });
    expect(res.status).toBe(200);

    const logged = await waitFor(
      () =>
        service
          .output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .find((l) => l['msg'] === 'request completed' && l['path'] === '/v1/identify'),
      { timeoutMs: 10_000, description: 'the request log line' },
    );
    expect(logged['trace_id']).toBe(traceId);

    // The relay publishes after the response: read until the record is there.
    const published = await waitFor(
      async () =>
        (await readTopic(TOPICS.leadUpserted.name, { from: from.get(TOPICS.leadUpserted.name) })).find((r) =>
          (r.headers['traceparent'] ?? '').includes(traceId),
        ),
      { timeoutMs: 30_000, intervalMs: 500, description: 'the lead-upserted record of the request' },
    );
    expect(published.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });
});
