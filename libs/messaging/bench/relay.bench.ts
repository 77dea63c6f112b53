/**
 * A null relay service on libs/messaging (consume a batch from A, write inbox + outbox rows in one
 * transaction, OutboxRelay publishes to B) against raw kafkajs (consume A, produce to B, acks=-1)
 * over the same records, in the same run, on the local broker. Prints figures only.
 *
 *   npm run bench -w @smarketing/messaging      (BENCH_EVENTS=100000, MAX_BATCH_SIZE, RELAY_BATCH_SIZE,
 *                                               CONCURRENCY, POOL_SIZE override the library defaults)
 */
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  createTopics,
  deleteSubject,
  deleteTopics,
  ensureStack,
  registerSchema,
  stackEnv,
  testTopicDef,
  topicEndOffsets,
  uniqueTopicName,
  waitFor,
  withAdmin,
} from '@smarketing/testing';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { BatchConsumer, OutboxRelay, type EventHandler } from '../src';
import {
  kafkaAdapter,
  openDatabase,
  produceEvents,
  quietLogger,
  serde,
  testMetrics,
} from '../test/support/harness';

const N = Number(process.env.BENCH_EVENTS ?? 100_000);
const PARTITIONS = 6;
const opt = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : 0;
};

async function brokerDurability(): Promise<string> {
  return withAdmin(async (admin) => {
    const { brokers } = await admin.describeCluster();
    const id = String(brokers[0]?.nodeId ?? 1);
    const res = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [
        { type: 4, name: id, configNames: ['log.flush.interval.messages', 'log.flush.interval.ms'] },
      ],
    });
    const entries = res.resources[0]?.configEntries ?? [];
    const v = (n: string) => entries.find((e) => e.configName === n)?.configValue ?? '?';
    const messages = v('log.flush.interval.messages');
    return `log.flush.interval.messages=${messages} (${messages === '1' ? 'fsync per append' : 'page cache, no fsync per append'})`;
  });
}

async function rawPipe(source: string, target: string): Promise<{ seconds: number; batches: number[] }> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: stackEnv().brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, maxWaitTimeInMs: 250 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [source], fromBeginning: true });
  const batches: number[] = [];
  let done = 0;
  const started = Date.now();
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: opt('CONCURRENCY') ?? 3,
    eachBatch: async ({ batch }) => {
      const messages = batch.messages.map((m) => ({
        key: m.key,
        value: m.value,
        headers: m.headers as IHeaders,
      }));
      await producer.send({ topic: target, acks: -1, messages });
      await consumer.commitOffsets([
        {
          topic: batch.topic,
          partition: batch.partition,
          offset: (BigInt(batch.lastOffset()) + 1n).toString(),
        },
      ]);
      batches.push(messages.length);
      done += messages.length;
    },
  });
  await waitFor(() => done >= N, { timeoutMs: 600_000, intervalMs: 50, description: 'raw pipe' });
  const seconds = (Date.now() - started) / 1000;
  await consumer.disconnect();
  await producer.disconnect();
  return { seconds, batches };
}

async function relayPipe(
  source: string,
  target: string,
): Promise<{ seconds: number; consumeSeconds: number; batches: number[]; relayRounds: number[] }> {
  const db = await createTestDatabase('smarketing_test_messaging');
  try {
    return await relayPipeIn(db.url, source, target);
  } finally {
    await db.drop();
  }
}

async function relayPipeIn(
  url: string,
  source: string,
  target: string,
): Promise<{ seconds: number; consumeSeconds: number; batches: number[]; relayRounds: number[] }> {
  const ds = await openDatabase(url, 'bench-relay', opt('POOL_SIZE') ?? 10);
  const input = testTopicDef(source);
  const output = testTopicDef(target);
  const kafka = kafkaAdapter('bench-relay');
  const producer = kafka.producer();
  await producer.connect();
  const s = serde();
  const metrics = testMetrics();
  const relay = new OutboxRelay({
    dataSource: ds,
    producer,
    producerName: 'bench-relay',
    logger: quietLogger(),
    metrics,
    batchSize: opt('RELAY_BATCH_SIZE'),
  });
  const batches: number[] = [];
  let applied = 0;
  let consumedAt = 0;
  const handler: EventHandler<typeof input> = {
    topic: input,
    async handle(events, tx) {
      batches.push(events.length);
      applied += events.length;
      if (applied >= N && !consumedAt) consumedAt = Date.now();
      for (const e of events) tx.publish(output, e.value);
    },
  };
  const consumer = new BatchConsumer({
    consumer: 'bench-relay',
    groupId: `bench-relay-${randomUUID()}`,
    handlers: [handler],
    kafka,
    producer,
    serde: s,
    dataSource: ds,
    logger: quietLogger(),
    metrics,
    maxBatchSize: opt('MAX_BATCH_SIZE'),
    concurrency: opt('CONCURRENCY'),
    onOutboxWritten: () => relay.wake(),
  });
  const relayRounds: number[] = [];
  const origPublish = relay.publishOnce.bind(relay);
  relay.publishOnce = async () => {
    const n = await origPublish();
    if (n) relayRounds.push(n);
    return n;
  };
  const started = Date.now();
  relay.start();
  await consumer.start();
  await waitFor(async () => (await topicEndOffsets(target)).total >= N, {
    timeoutMs: 600_000,
    intervalMs: 100,
    description: 'relay pipe',
  });
  const seconds = (Date.now() - started) / 1000;
  await consumer.stop();
  await relay.stop();
  await producer.disconnect();
  await kafka.close();
  await ds.destroy();
  return { seconds, consumeSeconds: (consumedAt - started) / 1000, batches, relayRounds };
}

async function main(): Promise<void> {
  await ensureStack();
  const a = testTopicDef(uniqueTopicName('bench-a'));
  const bRaw = uniqueTopicName('bench-b-raw');
  const bRelay = uniqueTopicName('bench-b-relay');
  const topics = [a.name, bRaw, bRelay];
  await createTopics(topics, PARTITIONS);
  try {
    for (const t of topics) await registerSchema(`${t}-value`, a.schema);
    const kafka = kafkaAdapter('bench-fill');
    const t0 = Date.now();
    await produceEvents(kafka, serde(), a, 0, N, 5_000);
    await kafka.close();
    const durability = await brokerDurability();
    console.log(
      `records: ${N} lead-erased Avro values, ${PARTITIONS} partitions; fill took ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    console.log(`broker durability: ${durability}`);

    const raw = await rawPipe(a.name, bRaw);
    const rawRate = N / raw.seconds;
    console.log(
      `raw kafkajs consume+produce (acks=-1): ${rawRate.toFixed(0)} records/s (${raw.seconds.toFixed(2)} s), median fetch batch ${median(raw.batches)}`,
    );

    const rel = await relayPipe(a.name, bRelay);
    const relRate = N / rel.seconds;
    console.log(
      `libs/messaging null relay (inbox+outbox tx, OutboxRelay): ${relRate.toFixed(0)} records/s (${rel.seconds.toFixed(2)} s), median batch (events per transaction) ${median(rel.batches)}, transactions ${rel.batches.length}, median relay round ${median(rel.relayRounds)} rows; consumer side (inbox+outbox written) done after ${rel.consumeSeconds.toFixed(2)} s`,
    );
    console.log(`ratio relay/raw: ${(relRate / rawRate).toFixed(2)}`);
  } finally {
    await deleteTopics(topics);
    for (const t of topics) await deleteSubject(`${t}-value`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
