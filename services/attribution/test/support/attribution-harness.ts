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
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';

export const READ_KEY = 'test-read-key-0123456789abcdef-01234';
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [
  TOPICS.touchpointRecorded,
  TOPICS.salesActivityRecorded,
  TOPICS.leadUpserted,
  TOPICS.lifecycleChanged,
  TOPICS.opportunityUpdated,
  TOPICS.campaignCostRecorded,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

export type AttributionUnderTest = {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: Config;
  /** Fastify's inject, with the read key unless `headers` says otherwise. */
  get(url: string, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  /** POST with the admin key. */
  post(url: string, payload: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
};

/** The attribution app in-process on a fresh database (`smarketing_test_attribution_<random>`) and a fresh consumer group. */
export async function startAttribution(env: Record<string, string> = {}): Promise<AttributionUnderTest> {
  await ensureStack();
  const db = await createTestDatabase('smarketing_test_attribution');
  const ds = createDataSource({ url: db.url, applicationName: 'attribution-test-migrate', migrations });
  await migrate(ds);
  await ds.destroy();
  // The topics are shared with other runs: read only what this run writes.
  const groupId = `attribution-test-${randomUUID()}`;
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
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(MessagingRuntime).consumer.joined();
  return {
    app,
    db,
    config,
    async get(url, headers = { authorization: `Bearer ${READ_KEY}` }) {
      const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers });
      return { status: res.statusCode, body: JSON.parse(res.body) as unknown };
    },
    async post(url, payload) {
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'POST',
          url,
          payload: payload as object,
          headers: { authorization: `Bearer ${ADMIN_KEY}` },
        });
      return { status: res.statusCode, body: JSON.parse(res.body) as unknown };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Produces platform events the way their writers do: Confluent wire format, keyed, with the standard headers. */
export class EventProducer {
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly kafka = new KafkajsAdapter({
    brokers: stackEnv().brokers,
    clientId: 'attribution-test-producer',
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

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.kafka.close();
  }
}
