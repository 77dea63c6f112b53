import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HEADER, TOPICS, type EventOf, type LeadAssigned, type TopicDef } from '@smarketing/contracts';
import { AvroSerde, KafkajsAdapter, MessagingRuntime, type ProducerPort } from '@smarketing/messaging';
import { createDataSource, migrate } from '@smarketing/persistence';
import {
  createTestDatabase,
  ensureStack,
  stackEnv,
  startGroupAtEnd,
  waitFor,
  type TestDatabase,
} from '@smarketing/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { createApp } from '../../src/app.factory';
import { Clock } from '../../src/app/ports/clock.port';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';
import { HeldLeadWorker } from '../../src/infra/timers/held-lead-worker';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [
  TOPICS.lifecycleChanged,
  TOPICS.slaStatusChanged,
  TOPICS.leadUpserted,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

/** A clock the test moves: what the held-lead timers fire on. */
export class ManualClock extends Clock {
  constructor(public at = Date.now()) {
    super();
  }
  now(): number {
    return this.at;
  }
}

export type Response = { status: number; body: unknown };

export type RoutingUnderTest = {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: Config;
  clock: ManualClock;
  /** Fastify's inject, with the read key unless `headers` says otherwise. */
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  /** An admin request (PUT, POST, DELETE) with a JSON body. */
  admin(method: 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<Response>;
  /** Fires the held-lead timers due on `clock` now. */
  tickHeld(): Promise<number>;
  close(): Promise<void>;
};

export type StartOptions = {
  env?: Record<string, string>;
  /** Another replica: same database and consumer group as `of`. */
  replicaOf?: RoutingUnderTest;
};

/** The routing app in-process on a fresh database (`smarketing_test_routing_<random>`) and a fresh consumer group. */
export async function startRouting(options: StartOptions = {}): Promise<RoutingUnderTest> {
  await ensureStack();
  const replicaOf = options.replicaOf;
  const db = replicaOf?.db ?? (await createTestDatabase('smarketing_test_routing'));
  if (replicaOf === undefined) {
    const ds = createDataSource({ url: db.url, applicationName: 'routing-test-migrate', migrations });
    await migrate(ds);
    await ds.destroy();
  }
  // The topics are shared with other runs: read only what this run writes.
  const groupId = replicaOf?.config.CONSUMER_GROUP ?? `routing-test-${randomUUID()}`;
  if (replicaOf === undefined)
    await startGroupAtEnd(
      groupId,
      CONSUMED_TOPICS.map((t) => t.name),
    );
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    CONSUMER_GROUP: groupId,
    PORT: '0',
    LOG_LEVEL: 'warn',
    API_KEYS: `admin+read:${ADMIN_KEY},read:${READ_KEY}`,
    ...options.env,
  });
  const clock = replicaOf?.clock ?? new ManualClock();
  const app = await createApp(config, { clock, heldTimerAutoStart: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(MessagingRuntime).consumer.joined();
  const inject = async (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : undefined };
  };
  return {
    app,
    db,
    config,
    clock,
    get: (url, headers = { authorization: `Bearer ${READ_KEY}` }) => inject('GET', url, headers),
    admin: (method, url, body) => inject(method, url, { authorization: `Bearer ${ADMIN_KEY}` }, body),
    tickHeld: () => app.get(HeldLeadWorker).tick(),
    close: async () => {
      await app.close();
      if (replicaOf === undefined) await db.drop();
    },
  };
}

/** Produces platform events the way their writers do: Confluent wire format, keyed, with the standard headers. */
export class EventProducer {
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly kafka = new KafkajsAdapter({
    brokers: stackEnv().brokers,
    clientId: 'routing-test-producer',
  });
  private readonly producer: ProducerPort = this.kafka.producer();

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  /** Sends the events (each at its `occurredAt`) and returns their event ids. */
  async send<T extends TopicDef>(
    topic: T,
    values: readonly EventOf<T>[],
    eventIds?: readonly string[],
  ): Promise<string[]> {
    const records = await Promise.all(
      values.map(async (value, i) => {
        const v = value as Record<string, unknown>;
        const eventId = eventIds?.[i] ?? randomUUID();
        const time = new Date(Number(v.occurredAt)).toISOString();
        return {
          eventId,
          record: {
            topic: topic.name,
            key: String(v[topic.keyField]),
            value: await this.serde.encode(topic, value),
            headers: {
              [HEADER.eventId]: eventId,
              [HEADER.eventType]: topic.eventType,
              [HEADER.occurredAt]: time,
              [HEADER.producer]: topic.writer,
              [HEADER.ceId]: eventId,
              [HEADER.ceTime]: time,
            },
          },
        };
      }),
    );
    // In requests of at most 1,000 records: the broker refuses a produce request over its max size.
    for (let i = 0; i < records.length; i += 1_000)
      await this.producer.send(records.slice(i, i + 1_000).map((r) => r.record));
    return records.map((r) => r.eventId);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.kafka.close();
  }
}

/** Reads routing.lead-assigned.v1 from its end (a fresh group), decoded, keeping only the leads a test watches. */
export class AssignedCollector {
  readonly assigned: (LeadAssigned & { eventId: string })[] = [];
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly watched = new Set<string>();
  private consumer?: Consumer;

  watch(...leadIds: string[]): void {
    for (const id of leadIds) this.watched.add(id);
  }

  of(leadId: string): (LeadAssigned & { eventId: string })[] {
    return this.assigned.filter((a) => a.leadId === leadId);
  }

  async start(): Promise<void> {
    const groupId = `routing-test-assigned-${randomUUID()}`;
    await startGroupAtEnd(groupId, [TOPICS.leadAssigned.name]);
    const kafka = new Kafka({
      clientId: 'routing-test-assigned',
      brokers: stackEnv().brokers,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [TOPICS.leadAssigned.name], fromBeginning: false });
    let joined = false;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      joined = true;
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString('utf8') ?? '';
        if (!this.watched.has(key)) return;
        this.assigned.push({
          ...(await this.serde.decode<LeadAssigned>(TOPICS.leadAssigned, message.value)),
          eventId: message.headers?.[HEADER.eventId]?.toString() ?? '',
        });
      },
    });
    await waitFor(() => joined, { timeoutMs: 60_000, description: 'lead-assigned collector joined' });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** A calendar worked every hour of every day: reps on it are always available (no wall-clock flakiness). */
export const ALWAYS_ON = {
  timeZone: 'UTC',
  workingHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, ['00:00-24:00']]),
  ),
  holidays: { dates: [] },
};

/** Sets up a team of always-available reps and publishes rules (version `version`) routing every lead to them. */
export async function routeEverythingTo(
  s: RoutingUnderTest,
  repIds: string[],
  version: number,
  pool: Record<string, unknown> = {},
): Promise<void> {
  const ok = (r: Response, what: string) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  ok(await s.admin('PUT', '/v1/teams/test-team', { name: 'Test team', calendar: ALWAYS_ON }), 'team');
  for (const repId of repIds)
    ok(
      await s.admin('PUT', `/v1/reps/${repId}`, {
        name: repId,
        email: `${repId}@sales.example`,
        teamId: 'test-team',
      }),
      `rep ${repId}`,
    );
  ok(
    await s.admin('PUT', '/v1/teams/test-team', {
      name: 'Test team',
      managerId: repIds[0],
      calendar: ALWAYS_ON,
    }),
    'manager',
  );
  ok(
    await s.admin('POST', '/v1/rules', {
      version,
      name: 'Test rules',
      description: 'Every lead to the test pool',
      rules: [{ id: 'all', name: 'All', pool: 'test-pool', accountOwnerFirst: false }],
      pools: [
        {
          id: 'test-pool',
          name: 'Test pool',
          teamId: 'test-team',
          strategy: 'round_robin',
          members: repIds.map((repId) => ({ repId })),
          ...pool,
        },
      ],
      queues: [{ id: 'unrouted', name: 'Unrouted' }],
      defaultQueue: 'unrouted',
    }),
    'rules',
  );
}
