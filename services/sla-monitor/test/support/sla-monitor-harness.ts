import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HEADER, TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import { AvroSerde, KafkajsAdapter, MessagingRuntime, type ProducerPort } from '@smarketing/messaging';
import { createDataSource, migrate } from '@smarketing/persistence';
import {
  createTestDatabase,
  ensureStack,
  stackEnv,
  startGroupAtEnd,
  type TestDatabase,
} from '@smarketing/testing';
import type { Clock } from '../../src/app/ports/clock.port';
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';
import { TimerWorker } from '../../src/infra/timers/timer-worker';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [
  TOPICS.leadAssigned,
  TOPICS.salesActivityRecorded,
  TOPICS.leadDispositioned,
  TOPICS.lifecycleChanged,
  TOPICS.leadUpserted,
  TOPICS.leadScored,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

type Response = { status: number; body: unknown };

export type SlaMonitorUnderTest = {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: Config;
  /** Fastify's inject, with the read key unless `headers` says otherwise. */
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  /** POST with the admin key unless `headers` says otherwise. */
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Fires every timer due by the injected clock, in this task (with TIMER_WORKER=off). */
  fireDue(): Promise<number>;
  close(options?: { keepDatabase?: boolean }): Promise<void>;
};

/** A fresh, migrated test database (`smarketing_test_sla_monitor_<random>`). */
export async function freshDatabase(): Promise<TestDatabase> {
  await ensureStack();
  const db = await createTestDatabase('smarketing_test_sla_monitor');
  const ds = createDataSource({ url: db.url, applicationName: 'sla-monitor-test-migrate', migrations });
  await migrate(ds);
  await ds.destroy();
  return db;
}

/** A consumer group that starts at the end of every consumed topic (they are shared with other runs). */
export async function freshGroup(): Promise<string> {
  const groupId = `sla-monitor-test-${randomUUID()}`;
  await startGroupAtEnd(
    groupId,
    CONSUMED_TOPICS.map((t) => t.name),
  );
  return groupId;
}

/**
 * The sla-monitor app in-process on a fresh database (or `db`) and a fresh consumer group, with an
 * injected clock when given (time skipping: the test moves it and calls fireDue).
 */
export async function startSlaMonitor(
  options: { env?: Record<string, string>; clock?: Clock; db?: TestDatabase; groupId?: string } = {},
): Promise<SlaMonitorUnderTest> {
  const db = options.db ?? (await freshDatabase());
  const groupId = options.groupId ?? (await freshGroup());
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    CONSUMER_GROUP: groupId,
    PORT: '0',
    LOG_LEVEL: 'warn',
    API_KEYS: `admin:${ADMIN_KEY},read:${READ_KEY}`,
    ...options.env,
  });
  const app = await createApp(config, options.clock ? { clock: options.clock } : {});
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(MessagingRuntime).consumer.joined();
  const inject = async (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    return { status: res.statusCode, body: JSON.parse(res.body) as unknown };
  };
  return {
    app,
    db,
    config,
    get: (url, headers = { authorization: `Bearer ${READ_KEY}` }) => inject('GET', url, headers),
    post: (url, body, headers = { authorization: `Bearer ${ADMIN_KEY}` }) =>
      inject('POST', url, headers, body),
    fireDue: () => app.get(TimerWorker).runUntilIdle(),
    close: async ({ keepDatabase = false } = {}) => {
      await app.close();
      if (!keepDatabase) await db.drop();
    },
  };
}

/** Produces platform events the way their writers do: Confluent wire format, keyed, with the standard headers. */
export class EventProducer {
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly kafka = new KafkajsAdapter({
    brokers: stackEnv().brokers,
    clientId: 'sla-monitor-test-producer',
  });
  private readonly producer: ProducerPort = this.kafka.producer();

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  /** Sends the events (each at its `occurredAt`) and returns their event ids. */
  async send<T extends TopicDef>(topic: T, values: readonly EventOf<T>[]): Promise<string[]> {
    const records = await Promise.all(
      values.map(async (value) => {
        const v = value as Record<string, unknown>;
        const eventId = randomUUID();
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
    await this.producer.send(records.map((r) => r.record));
    return records.map((r) => r.eventId);
  }

  /** Sends raw bytes (not Avro) to a topic: what a broken producer would write. */
  async sendRaw(topic: TopicDef, key: string, value: Buffer): Promise<void> {
    const eventId = randomUUID();
    await this.producer.send([
      {
        topic: topic.name,
        key,
        value,
        headers: {
          [HEADER.eventId]: eventId,
          [HEADER.eventType]: topic.eventType,
          [HEADER.occurredAt]: new Date().toISOString(),
          [HEADER.producer]: topic.writer,
        },
      },
    ]);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.kafka.close();
  }
}
