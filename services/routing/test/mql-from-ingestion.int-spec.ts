// From HTTP calls to ingestion to lead-assigned: ingestion and scoring run as their own processes
// on their own test databases; routing runs in-process; the test speaks HTTP and reads the topic.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ALL_TOPICS, leadIdForNormalizedEmail } from '@smarketing/contracts';
import {
  createTestDatabase,
  repoRoot,
  spawnTs,
  stackEnv,
  startGroupAtEnd,
  waitFor,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';
import {
  AssignedCollector,
  routeEverythingTo,
  startRouting,
  type RoutingUnderTest,
} from './support/routing-harness';

const WRITE_KEY = `smk_routing_write_${randomUUID().replace(/-/g, '')}`;
const ADMIN_KEY = `smk_routing_admin_${randomUUID().replace(/-/g, '')}`;
const INGESTION_PORT = 3901 + Math.floor(Math.random() * 50);
const SCORING_PORT = INGESTION_PORT + 50;

async function runToExit(file: string, env: Record<string, string>): Promise<void> {
  const p = spawnTs(file, env);
  const { code } = await p.exited;
  if (code !== 0) throw new Error(`${file} exited ${code}: ${p.output().slice(-2_000)}`);
}

async function waitReady(port: number, proc: TsProcess): Promise<void> {
  await waitFor(
    async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status === 200,
    { timeoutMs: 120_000, description: `service on ${port} ready` },
  ).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}\n${proc.output().slice(-3_000)}`);
  });
}

describe('an MQL made of ingestion HTTP calls ends as lead-assigned', () => {
  const dbs: TestDatabase[] = [];
  const procs: TsProcess[] = [];
  let routing: RoutingUnderTest;
  const collector = new AssignedCollector();

  beforeAll(async () => {
    routing = await startRouting();
    await routeEverythingTo(routing, ['e2e-rep-1', 'e2e-rep-2'], 2);
    await collector.start();
    const ingestionDb = await createTestDatabase('smarketing_test_routing_ingestion');
    const scoringDb = await createTestDatabase('smarketing_test_routing_scoring');
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
    const scoringGroup = `scoring-routing-test-${randomUUID()}`;
    await startGroupAtEnd(
      scoringGroup,
      ALL_TOPICS.filter((t) => t.readers.includes('scoring')).map((t) => t.name),
    );
    const ingestion = spawnTs(join(repoRoot(), 'services/ingestion/src/main.ts'), {
      ...common,
      DATABASE_URL: ingestionDb.url,
      PORT: String(INGESTION_PORT),
      CONSUMER_GROUP: `ingestion-routing-test-${randomUUID()}`,
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
    await waitReady(INGESTION_PORT, ingestion);
    await waitReady(SCORING_PORT, scoring);
  }, 300_000);

  afterAll(async () => {
    await collector.stop();
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    for (const db of dbs) await db.drop();
    await routing?.close();
  });

  it('routes the lead scoring made an MQL, with the rule, pool and rotation turn', async () => {
    const email = `routing.${randomUUID().slice(0, 8)}@acme-robotics-${randomUUID().slice(0, 6)}.com`;
    const leadId = leadIdForNormalizedEmail(email);
    collector.watch(leadId);
    const now = Date.now();
    const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    const batch = [
      ...[20, 15, 10].map((m) => ({
        type: 'page',
        messageId: randomUUID(),
        userId: email,
        name: 'Pricing',
        properties: { path: '/pricing', url: 'https://acme.example/pricing' },
        timestamp: iso(m),
      })),
      {
        type: 'identify',
        messageId: randomUUID(),
        userId: email,
        traits: {
          email,
          title: 'VP Marketing',
          company: 'Acme Robotics',
          employees: 250,
          industry: 'Software',
          country: 'United States',
        },
        timestamp: iso(25),
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
      headers: {
        authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ batch }),
    });
    expect(res.status).toBe(200);

    await waitFor(() => collector.of(leadId).length > 0, {
      timeoutMs: 120_000,
      description: `lead-assigned of ${leadId}`,
    });
    const [assigned] = collector.of(leadId);
    expect(assigned).toMatchObject({
      leadId,
      kind: 'initial',
      ruleId: 'all',
      poolId: 'test-pool',
      cycle: 1,
      via: 'pool',
    });
    expect(['e2e-rep-1', 'e2e-rep-2']).toContain(assigned?.repId);
    const owner = await routing.get(`/v1/leads/${leadId}/owner`);
    expect(owner.body).toMatchObject({ status: 'assigned', repId: assigned?.repId });
  });
});
