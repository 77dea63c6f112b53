// End to end through public interfaces only: the ingestion and scoring services run as their own
// processes; the test speaks HTTP to ingestion and reads scoring's topics on the real broker.
import { randomUUID } from 'node:crypto';
import {
  leadIdForNormalizedEmail,
  TOPICS,
  type LeadScored,
  type LifecycleChanged,
} from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { type Platform, stackEnv, startGroupAtEnd, startPlatform, waitFor } from '@smarketing/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

const kafka = () => new Kafka({ clientId: 'e2e', brokers: stackEnv().brokers, logLevel: logLevel.NOTHING });

describe('a lead from Segment calls to MQL on the scoring topics', () => {
  let platform: Platform;
  const scored: LeadScored[] = [];
  const lifecycle: LifecycleChanged[] = [];
  let reader: Consumer;

  beforeAll(async () => {
    const readerGroup = `e2e-reader-${randomUUID()}`;
    await startGroupAtEnd(readerGroup, [TOPICS.leadScored.name, TOPICS.lifecycleChanged.name]);
    platform = await startPlatform(['ingestion', 'scoring'], 'e2e');
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
  }, 300_000);

  afterAll(async () => {
    await reader?.disconnect();
    await platform?.stop();
  });

  it('scores the lead on the aligned model and moves it to MQL, with the reasons', async () => {
    const email = `e2e.${randomUUID().slice(0, 8)}@acme-robotics-${randomUUID().slice(0, 6)}.com`;
    const leadId = leadIdForNormalizedEmail(email);
    const anonymousId = randomUUID();
    const auth = `Basic ${Buffer.from(`${platform.writeKey}:`).toString('base64')}`;
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
    const res = await fetch(platform.url('ingestion', '/v1/batch'), {
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
