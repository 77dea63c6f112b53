// End to end through public interfaces only: the ingestion and scoring services run as their own
// processes; the test speaks HTTP to ingestion and reads scoring's topics on the real broker.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ALL_TOPICS,
  leadIdForNormalizedEmail,
  TOPICS,
  type LeadScored,
  type LifecycleChanged,
} from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import {
  createTestDatabase,
  ensureStack,
  repoRoot,
  spawnTs,
  stackEnv,
  startGroupAtEnd,
  waitFor,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

const WRITE_KEY = `smk_e2e_write_${randomUUID().replace(/-/g, '')}`;
const ADMIN_KEY = `smk_e2e_admin_${randomUUID().replace(/-/g, '')}`;
const INGESTION_PORT = 3801 + Math.floor(Math.random() * 100);
const SCORING_PORT = INGESTION_PORT + 100;

const kafka = () => new Kafka({ clientId: 'e2e', brokers: stackEnv().brokers, logLevel: logLevel.NOTHING });

async function runToExit(file: string, env: Record<string, string>): Promise<void> {
  const p = spawnTs(file, env);
  const { code } = await p.exited;
  if (code !== 0) throw new Error(`${file} exited ${code}: ${p.output().slice(-2_000)}`);
}

async function waitReady(port: number, proc: TsProcess): Promise<void> {
  await waitFor(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      return res?.status === 200;
    },
    { timeoutMs: 120_000, description: `service on ${port} ready` },
  ).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}\n${proc.output().slice(-3_000)}`);
  });
}

describe('a lead from Segment calls to MQL on the scoring topics', () => {
  const dbs: TestDatabase[] = [];
  const procs: TsProcess[] = [];
  const scored: LeadScored[] = [];
  const lifecycle: LifecycleChanged[] = [];
  let reader: Consumer;

  beforeAll(async () => {
    await ensureStack();
    const ingestionDb = await createTestDatabase('smarketing_test_e2e_ingestion');
    const scoringDb = await createTestDatabase('smarketing_test_e2e_scoring');
    dbs.push(ingestionDb, scoringDb);
    const common = {
      KAFKA_BROKERS: stackEnv().brokers.join(','),
      SCHEMA_REGISTRY_URL: stackEnv().registryUrl,
      LOG_LEVEL: 'warn',
    };
    await runToExit(join(repoRoot(), 'services/ingestion/src/infra/migrate.main.ts'), {
      ...common,
      DATABASE_URL: ingestionDb.url,
    });
    await runToExit(join(repoRoot(), 'services/scoring/src/infra/migrate.main.ts'), {
      ...common,
      DATABASE_URL: scoringDb.url,
    });

    const scoringGroup = `scoring-e2e-${randomUUID()}`;
    // Scoring and the reader read only what this test produces: the topics are shared.
    await startGroupAtEnd(
      scoringGroup,
      ALL_TOPICS.filter((t) => t.readers.includes('scoring')).map((t) => t.name),
    );
    const readerGroup = `e2e-reader-${randomUUID()}`;
    await startGroupAtEnd(readerGroup, [TOPICS.leadScored.name, TOPICS.lifecycleChanged.name]);

    const ingestion = spawnTs(join(repoRoot(), 'services/ingestion/src/main.ts'), {
      ...common,
      DATABASE_URL: ingestionDb.url,
      PORT: String(INGESTION_PORT),
      CONSUMER_GROUP: `ingestion-e2e-${randomUUID()}`,
      API_KEYS: `admin+ingest+read:${ADMIN_KEY}`,
      INGESTION_DEV_WRITE_KEY: WRITE_KEY,
    });
    const scoring = spawnTs(join(repoRoot(), 'services/scoring/src/main.ts'), {
      ...common,
      DATABASE_URL: scoringDb.url,
      PORT: String(SCORING_PORT),
      CONSUMER_GROUP: scoringGroup,
      API_KEYS: `admin+ingest+read:${ADMIN_KEY}`,
    });
    procs.push(ingestion, scoring);

    const serde = new AvroSerde(stackEnv().registryUrl);
    reader = kafka().consumer({ groupId: readerGroup, maxWaitTimeInMs: 100 });
    await reader.connect();
    await reader.subscribe({
      topics: [TOPICS.leadScored.name, TOPICS.lifecycleChanged.name],
      fromBeginning: false,
    });
    await reader.run({
      eachMessage: async ({ topic, message }) => {
        if (topic === TOPICS.leadScored.name)
          scored.push(await serde.decode<LeadScored>(TOPICS.leadScored, message.value));
        else lifecycle.push(await serde.decode<LifecycleChanged>(TOPICS.lifecycleChanged, message.value));
      },
    });
    await waitReady(INGESTION_PORT, ingestion);
    await waitReady(SCORING_PORT, scoring);
  }, 300_000);

  afterAll(async () => {
    await reader?.disconnect();
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    for (const db of dbs) await db.drop();
  });

  it('scores the lead on the aligned model and moves it to MQL, with the reasons', async () => {
    const email = `e2e.${randomUUID().slice(0, 8)}@acme-robotics-${randomUUID().slice(0, 6)}.com`;
    const leadId = leadIdForNormalizedEmail(email);
    const anonymousId = randomUUID();
    const auth = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`;
    const now = Date.now();
    const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const batch = [
      {
        type: 'page',
        messageId: randomUUID(),
        anonymousId,
        name: 'Home',
        properties: { path: '/', url: 'https://acme.example/' },
        timestamp: iso(30),
      },
      ...[20, 15, 10].map((m) => ({
        type: 'page',
        messageId: randomUUID(),
        anonymousId,
        name: 'Pricing',
        properties: { path: '/pricing', url: 'https://acme.example/pricing' },
        timestamp: iso(m),
      })),
      {
        type: 'identify',
        messageId: randomUUID(),
        anonymousId,
        userId: email,
        traits: {
          email,
          title: 'VP Marketing',
          company: 'Acme Robotics',
          employees: 250,
          industry: 'Software',
          country: 'United States',
        },
        timestamp: iso(5),
      },
      {
        type: 'track',
        messageId: randomUUID(),
        userId: email,
        event: 'Demo Requested',
        properties: {},
        timestamp: iso(1),
      },
    ];
    const res = await fetch(`http://127.0.0.1:${INGESTION_PORT}/v1/batch`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);

    // Topics have no mutual order (the anonymous visits are merged into the lead by leads-merged),
    // and scoring emits a score per change: wait for the score that includes everything sent.
    const rulesOf = (x: LeadScored) => x.firedRules.map((r) => r.ruleId).join(' ');
    const mine = () => scored.filter((x) => x.leadId === leadId);
    await waitFor(() => mine().some((x) => /pricing/.test(rulesOf(x)) && /demo/.test(rulesOf(x))), {
      timeoutMs: 90_000,
      description: `a score of ${leadId} with the pricing visits and the demo request (seen: ${mine().map(rulesOf).join(' | ')})`,
    });
    await waitFor(() => lifecycle.some((l) => l.leadId === leadId && l.to === 'mql'), {
      timeoutMs: 60_000,
      description: `lifecycle-changed of ${leadId} to mql`,
    });
    const final = mine().at(-1)!;
    expect(final.modelId).toBe('aligned');
    expect(final.band).toBe('hot');
    expect(rulesOf(final)).toContain('fit-seniority-c-level-vp');
    expect(rulesOf(final)).toContain('engagement-pricing-page');
    expect(rulesOf(final)).toContain('engagement-demo-request');
    const mql = lifecycle.find((l) => l.leadId === leadId && l.to === 'mql')!;
    expect(mql.causeKind).toBe('score');
    expect(mql.cycle).toBe(1);
  });
});
