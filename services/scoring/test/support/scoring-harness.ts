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
import { RescoreWorker } from '../../src/infra/rescore/rescore-worker';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

export const CONSUMED_TOPICS = [
  TOPICS.leadUpserted,
  TOPICS.touchpointRecorded,
  TOPICS.leadDispositioned,
  TOPICS.opportunityUpdated,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

export type ScoringUnderTest = {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: Config;
  /** Waits until no re-scoring job is running in this app. */
  rescoreIdle(): Promise<void>;
  close(): Promise<void>;
};

/** The scoring app in-process on a fresh database (`smarketing_test_scoring_<random>`) and a fresh consumer group. */
export async function startScoring(env: Record<string, string> = {}): Promise<ScoringUnderTest> {
  await ensureStack();
  const db = await createTestDatabase('smarketing_test_scoring');
  const ds = createDataSource({ url: db.url, applicationName: 'scoring-test-migrate', migrations });
  await migrate(ds);
  await ds.destroy();
  const groupId = `scoring-test-${randomUUID()}`;
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
    rescoreIdle: () => app.get(RescoreWorker).idle(),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** Produces platform events the way ingestion does: Confluent wire format, keyed, with the standard headers. */
export class EventProducer {
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly kafka = new KafkajsAdapter({
    brokers: stackEnv().brokers,
    clientId: 'scoring-test-producer',
  });
  private readonly producer: ProducerPort = this.kafka.producer();

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async send<T extends TopicDef>(topic: T, values: readonly EventOf<T>[]): Promise<string[]> {
    const ids: string[] = [];
    const records = await Promise.all(
      values.map(async (value) => {
        const v = value as Record<string, unknown>;
        const eventId = randomUUID();
        ids.push(eventId);
        const time = new Date(Number(v.occurredAt)).toISOString();
        return {
          topic: topic.name,
          key: String(v[topic.keyField]),
          value: await this.serde.encode(topic, value),
          headers: {
            [HEADER.eventId]: eventId,
            [HEADER.eventType]: topic.eventType,
            [HEADER.occurredAt]: time,
            [HEADER.producer]: 'ingestion',
            [HEADER.ceId]: eventId,
            [HEADER.ceTime]: time,
          },
        };
      }),
    );
    for (let i = 0; i < records.length; i += 1_000) await this.producer.send(records.slice(i, i + 1_000));
    return ids;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.kafka.close();
  }
}
