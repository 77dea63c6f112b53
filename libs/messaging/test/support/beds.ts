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
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';
import type { DataSource } from 'typeorm';
import type { AvroSerde } from '../../src';
import { openDatabase, serde, type LeadErasedTopic, type RunningConsumer } from './harness';

/**
 * What an in-process consumer test needs: a fresh test topic and its dead-letter topic, a test
 * database with the effects tables, a serde. Registers the suite's beforeAll/afterAll, which set
 * up `db` and `ds` and tear everything down (including `running`, when the test set it).
 */
export type ConsumerBed = {
  readonly topic: LeadErasedTopic;
  readonly consumer: string;
  readonly dlq: string;
  readonly serde: AvroSerde;
  db: TestDatabase;
  ds: DataSource;
  running?: RunningConsumer;
};

export function consumerBed(prefix: string): ConsumerBed {
  const topic = testTopicDef(uniqueTopicName('lead-erased'));
  const consumer = `${prefix}-${randomBytes(4).toString('hex')}`;
  const bed = { topic, consumer, dlq: dlqTopicName(consumer, topic.name), serde: serde() } as ConsumerBed;

  beforeAll(async () => {
    await ensureStack();
    bed.db = await createTestDatabase('smarketing_test_messaging');
    bed.ds = await openDatabase(bed.db.url);
    await provisionTestTopic(topic);
    await createTopics([bed.dlq]);
  });

  afterAll(async () => {
    await bed.running?.stop();
    await bed.ds?.destroy();
    await bed.db?.drop();
    await deleteTopics([topic.name, bed.dlq]);
    await deleteSubject(`${topic.name}-value`);
  });
  return bed;
}

const FIXTURE = path.join(__dirname, '../fixtures/effect-consumer.ts');

/**
 * What a test of the consumer as a process needs (fixtures/effect-consumer.ts): an input and an
 * output test topic, the input's dead-letter topic, a test database, and `start(env)`, which runs
 * the fixture on them. Registers beforeAll/afterAll; afterAll kills what is still running.
 */
export type ProcessBed = {
  readonly input: LeadErasedTopic;
  readonly output: LeadErasedTopic;
  readonly consumer: string;
  db: TestDatabase;
  start(env: Record<string, string>): TsProcess;
};

export function processBed(prefix: string): ProcessBed {
  const input = testTopicDef(uniqueTopicName('lead-erased'));
  const output = testTopicDef(uniqueTopicName('lead-erased-out'));
  const consumer = `${prefix}-${randomBytes(4).toString('hex')}`;
  const dlq = dlqTopicName(consumer, input.name);
  const children: TsProcess[] = [];
  const bed = {
    input,
    output,
    consumer,
    start: (env: Record<string, string>) => {
      const child = spawnTs(FIXTURE, {
        DATABASE_URL: bed.db.url,
        IN_TOPIC: input.name,
        OUT_TOPIC: output.name,
        CONSUMER: consumer,
        ...env,
      });
      children.push(child);
      return child;
    },
  } as ProcessBed;

  beforeAll(async () => {
    await ensureStack();
    bed.db = await createTestDatabase('smarketing_test_messaging');
    await provisionTestTopic(input);
    await provisionTestTopic(output);
    await createTopics([dlq]);
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    await bed.db?.drop();
    await deleteTopics([input.name, output.name, dlq]);
    await deleteSubject(`${input.name}-value`);
    await deleteSubject(`${output.name}-value`);
  });
  return bed;
}
