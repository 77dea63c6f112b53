// History on the topics is what every read model is rebuilt from: a second scoring instance, on an
// empty database, reading the same stretch of the topics from where the run began, must end with
// the same scores and lifecycle stages as the instance that processed the events live.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ALL_TOPICS, leadIdForNormalizedEmail } from '@smarketing/contracts';
import {
  createTestDatabase,
  freePort,
  type Platform,
  repoRoot,
  spawnTs,
  stackEnv,
  startPlatform,
  type TestDatabase,
  topicPositions,
  type TsProcess,
  waitFor,
  withAdmin,
} from '@smarketing/testing';

const scoringInputs = ALL_TOPICS.filter((t) => t.readers.includes('scoring')).map((t) => t.name);
const LEADS = 30;

/** What a consumer of the read model sees of one lead: its score, explanation and stage. */
async function readModel(baseUrl: string, adminKey: string, leadIds: readonly string[]): Promise<unknown[]> {
  return Promise.all(
    leadIds.map(async (leadId) => {
      const res = await fetch(`${baseUrl}/v1/leads/${leadId}/score`, {
        headers: { authorization: `Bearer ${adminKey}` },
      });
      if (res.status !== 200) return { leadId, status: res.status };
      const v = (await res.json()) as {
        mergedInto: string | null;
        at: number;
        total: number;
        band: string;
        firedRules: { ruleId: string; points: number }[];
        lifecycle: { stage: string; mqlCycle: number };
      };
      return {
        leadId,
        mergedInto: v.mergedInto,
        at: v.at,
        total: v.total,
        band: v.band,
        rules: v.firedRules.map((r) => `${r.ruleId}:${r.points}`).sort(),
        // Not lifecycle.enteredAt: it is the event time of the event whose processing crossed the
        // threshold, and events of different topics have no mutual order, so a rebuild can cross it
        // on another event (scoring keeps the latest profile, not its history; see the issue note).
        stage: v.lifecycle.stage,
        mqlCycle: v.lifecycle.mqlCycle,
      };
    }),
  );
}

describe('a read model rebuilt from the topics', () => {
  let platform: Platform;
  let rebuilt: TsProcess | undefined;
  let rebuiltDb: TestDatabase | undefined;
  let since: Map<string, Map<number, number>>;

  beforeAll(async () => {
    since = await topicPositions(scoringInputs);
    platform = await startPlatform(['ingestion', 'scoring'], 'e2e_rebuild');
  }, 300_000);

  afterAll(async () => {
    rebuilt?.kill('SIGTERM');
    await rebuilt?.exited;
    await rebuiltDb?.drop();
    await platform?.stop();
  });

  it('gives the same scores, explanations and stages as the live one', async () => {
    const run = randomUUID().slice(0, 8);
    const auth = `Basic ${Buffer.from(`${platform.writeKey}:`).toString('base64')}`;
    const emails = Array.from({ length: LEADS }, (_, i) => `p${i}.${run}@co-${i % 7}-${run}.example.com`);
    const leadIds = emails.map((e) => leadIdForNormalizedEmail(e));
    const t0 = Date.now() - 60 * 60_000;
    const iso = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const pages = ['Home', 'Pricing', 'Blog', 'Docs'];
    for (let i = 0; i < LEADS; i++) {
      const anonymousId = randomUUID();
      const batch = [
        ...Array.from({ length: 1 + (i % 4) }, (_, k) => ({
          type: 'page',
          messageId: randomUUID(),
          anonymousId,
          name: pages[(i + k) % pages.length],
          properties: { path: `/${(pages[(i + k) % pages.length] ?? '').toLowerCase()}` },
          timestamp: iso(i + k),
        })),
        {
          type: 'identify',
          messageId: randomUUID(),
          anonymousId,
          userId: emails[i],
          traits: {
            email: emails[i],
            title: ['VP Sales', 'Director of IT', 'Engineer', 'Intern'][i % 4],
            employees: [12, 250, 1_200, 40][i % 4],
            industry: ['Software', 'Retail', 'Fintech'][i % 3],
            country: ['United States', 'Germany', 'Brazil'][i % 3],
          },
          timestamp: iso(i + 5),
        },
        ...(i % 3 === 0
          ? [
              {
                type: 'track',
                messageId: randomUUID(),
                userId: emails[i],
                event: 'Demo Requested',
                timestamp: iso(i + 6),
              },
            ]
          : []),
      ];
      const res = await fetch(platform.url('ingestion', '/v1/batch'), {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify({ batch }),
      });
      expect(res.status).toBe(200);
    }
    const scoringUrl = platform.url('scoring', '');
    let live: unknown[] = [];
    await waitFor(
      async () => {
        const now = await readModel(scoringUrl, platform.adminKey, leadIds);
        const stable =
          JSON.stringify(now) === JSON.stringify(live) && now.every((v) => !('status' in (v as object)));
        live = now;
        return stable;
      },
      { timeoutMs: 120_000, intervalMs: 3_000, description: 'the live scores settled' },
    );

    // The rebuild: an empty database, a group positioned where the run began on every input topic.
    rebuiltDb = await createTestDatabase(`smarketing_test_e2e_rebuild_scoring2`);
    const common = {
      KAFKA_BROKERS: stackEnv().brokers.join(','),
      SCHEMA_REGISTRY_URL: stackEnv().registryUrl,
    };
    const migrate = spawnTs(join(repoRoot(), 'services/scoring/src/infra/migrate.main.ts'), {
      ...common,
      DATABASE_URL: rebuiltDb.url,
    });
    expect((await migrate.exited).code).toBe(0);
    const group = `scoring-rebuild-${randomUUID()}`;
    await withAdmin(async (admin) => {
      for (const topic of scoringInputs)
        await admin.setOffsets({
          groupId: group,
          topic,
          partitions: [...(since.get(topic) ?? new Map<number, number>())].map(([partition, offset]) => ({
            partition,
            offset: String(offset),
          })),
        });
    });
    const port = await freePort();
    rebuilt = spawnTs(join(repoRoot(), 'services/scoring/src/main.ts'), {
      ...common,
      LOG_LEVEL: 'warn',
      DATABASE_URL: rebuiltDb.url,
      PORT: String(port),
      CONSUMER_GROUP: group,
      API_KEYS: `admin+ingest+read:${platform.adminKey}`,
    });
    let fromTopics: unknown[] = [];
    await waitFor(
      async () => {
        fromTopics = await readModel(`http://127.0.0.1:${port}`, platform.adminKey, leadIds).catch(() => []);
        return JSON.stringify(fromTopics) === JSON.stringify(live);
      },
      { timeoutMs: 120_000, intervalMs: 2_000, description: 'the rebuilt read model equal to the live one' },
    ).catch(() => undefined);
    if (fromTopics.length === 0)
      throw new Error(`the rebuilt scoring never answered on ${port}: ${rebuilt.output().slice(-3_000)}`);
    expect(fromTopics).toEqual(live);
    // Not vacuous: the run spans several bands and stages.
    const bands = new Set(live.map((v) => (v as { band: string }).band));
    expect(bands.size).toBeGreaterThan(1);
  }, 400_000);
});
