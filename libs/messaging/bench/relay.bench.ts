/**
 * A null relay service on libs/messaging (consume a batch from A, write inbox + outbox rows in one
 * transaction, OutboxRelay publishes to B) against raw kafkajs (consume A, produce to B, acks=-1)
 * over the same records, in the same run, on the local broker. Then the latency one relay adds to a
 * hop: writers commit one-event transactions at a fixed rate, a kafkajs consumer receives them.
 * Both relay figures for the adaptive linger and, as the baseline, the fixed linger it replaced
 * (mimicked around `publishOnce`, see `benchRelay`). Prints figures only.
 *
 *   npm run bench -w @smarketing/messaging      (BENCH_EVENTS=100000, MAX_BATCH_SIZE, RELAY_BATCH_SIZE,
 *                                               CONCURRENCY, POOL_SIZE override the library defaults;
 *                                               HOP_SECONDS=12 per rate and mode, HOP_RATES=100,<half the hop's max>)
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
import type { DataSource } from 'typeorm';
import { BatchConsumer, OutboxRelay, TransactionRunner, type EventHandler, type ProducerPort } from '../src';
import {
  kafkaAdapter,
  leadErased,
  openDatabase,
  produceEvents,
  quietLogger,
  serde,
  testMetrics,
  type LeadErasedTopic,
} from '../test/support/harness';

const N = Number(process.env.BENCH_EVENTS ?? 100_000);
const PARTITIONS = 6;
const opt = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

const LINGER_MS = 100; // the library default, for both modes
const RELAY_BATCH = opt('RELAY_BATCH_SIZE') ?? 1000; // the library default unless overridden
const WRITERS = 8; // concurrent transactions in the hop runs: the pool's 10 less the relay's and a spare
const HOP_SLICES = 4; // per rate and mode; alternating them spreads other load on the machine over both

/** The q-quantile (nearest rank) of xs. */
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.max(0, Math.ceil(q * s.length) - 1)] as number) : 0;
};
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

type LingerMode = 'fixed' | 'adaptive';
const MODES: readonly LingerMode[] = ['fixed', 'adaptive'];

/**
 * A relay for `mode`, counting the events of each round that published. 'adaptive' is the library
 * as it is. 'fixed' is the linger it replaced: the library's own rest off (lingerMs 0) and, around
 * publishOnce, a round after one that published a partial batch starts no sooner than LINGER_MS
 * after that round started (a full round: at once). Wakes during that wait are kept, so at most an
 * empty round is added.
 */
function benchRelay(
  mode: LingerMode,
  o: { dataSource: DataSource; producer: ProducerPort },
): { relay: OutboxRelay; rounds: number[] } {
  const relay = new OutboxRelay({
    dataSource: o.dataSource,
    producer: o.producer,
    producerName: 'bench-relay',
    logger: quietLogger(),
    metrics: testMetrics(),
    batchSize: RELAY_BATCH,
    lingerMs: mode === 'fixed' ? 0 : LINGER_MS,
  });
  const rounds: number[] = [];
  const publishOnce = relay.publishOnce.bind(relay);
  let lingerUntil = 0;
  relay.publishOnce = async () => {
    if (mode === 'fixed' && lingerUntil > Date.now()) await sleep(lingerUntil - Date.now());
    const start = Date.now();
    const n = await publishOnce();
    if (n) rounds.push(n);
    if (n >= RELAY_BATCH) lingerUntil = 0;
    else if (n > 0) lingerUntil = start + LINGER_MS;
    return n;
  };
  return { relay, rounds };
}

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

type RelayPipe = { seconds: number; consumeSeconds: number; batches: number[]; relayRounds: number[] };

async function relayPipe(source: string, target: string, mode: LingerMode): Promise<RelayPipe> {
  const db = await createTestDatabase('smarketing_test_messaging');
  try {
    return await relayPipeIn(db.url, source, target, mode);
  } finally {
    await db.drop();
  }
}

async function relayPipeIn(
  url: string,
  source: string,
  target: string,
  mode: LingerMode,
): Promise<RelayPipe> {
  const ds = await openDatabase(url, 'bench-relay', opt('POOL_SIZE') ?? 10);
  const input = testTopicDef(source);
  const output = testTopicDef(target);
  const kafka = kafkaAdapter('bench-relay');
  const producer = kafka.producer();
  await producer.connect();
  const s = serde();
  const metrics = testMetrics();
  const { relay, rounds: relayRounds } = benchRelay(mode, { dataSource: ds, producer });
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

/**
 * The relay's maximum in one-event transactions per second: a full outbox (copies of one row, so
 * the filling is quick; the outbox does not deduplicate) drained in full rounds, which neither mode
 * lingers after.
 */
async function relayMaxTxPerSecond(topic: LeadErasedTopic, rows: number): Promise<number> {
  const db = await createTestDatabase('smarketing_test_messaging');
  const ds = await openDatabase(db.url, 'bench-relay-max');
  const kafka = kafkaAdapter('bench-relay-max');
  const producer = kafka.producer();
  try {
    await producer.connect();
    await new TransactionRunner(ds, serde()).run(async (tx) => tx.publish(topic, leadErased(0)));
    await ds.query(
      `INSERT INTO messaging_outbox_batches (record_count, topics, records, encoded_values)
       SELECT record_count, topics, records, encoded_values FROM messaging_outbox_batches, generate_series(2, $1)`,
      [rows],
    );
    const { relay } = benchRelay('adaptive', { dataSource: ds, producer });
    const t0 = performance.now();
    const n = await relay.drain();
    return n / ((performance.now() - t0) / 1000);
  } finally {
    await producer.disconnect();
    await kafka.close();
    await ds.destroy();
    await db.drop();
  }
}

/** One relay of a mode on its own database and topic, with writers and a kafkajs consumer. */
type HopBed = {
  /** Commits `count` one-event transactions, `rate` per second or back to back; waits for them all. */
  slice(load: { rate?: number; count: number }): Promise<Slice>;
  close(): Promise<void>;
};
/** `hops`: each event's time from its commit to its arrival at the consumer, ms. */
type Slice = { seconds: number; count: number; hops: number[]; rounds: number[] };

async function openHopBed(topic: LeadErasedTopic, mode: LingerMode): Promise<HopBed> {
  const db = await createTestDatabase('smarketing_test_messaging');
  const ds = await openDatabase(db.url, 'bench-hop', 10);
  const kafka = kafkaAdapter('bench-hop');
  const producer = kafka.producer();
  const reader = new Kafka({
    clientId: 'bench-hop-reader',
    brokers: stackEnv().brokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = reader.consumer({ groupId: `bench-hop-${randomUUID()}` });
  const { relay, rounds } = benchRelay(mode, { dataSource: ds, producer });
  const receivedAt = new Map<string, number>();
  const close = async () => {
    await relay.stop();
    await consumer.disconnect();
    await producer.disconnect();
    await kafka.close();
    await ds.destroy();
    await db.drop();
  };
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic.name], fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch }) => {
      const at = performance.now();
      for (const m of batch.messages) receivedAt.set(String(m.headers?.['event-id']), at);
    },
  });
  await joined;
  relay.start();
  const writer = new TransactionRunner(ds, serde(), () => relay.wake());
  let written = 0;
  const slice = async ({ rate, count }: { rate?: number; count: number }): Promise<Slice> => {
    const committedAt = new Map<string, number>();
    rounds.length = 0;
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        if (rate) await sleep(t0 + (i * 1000) / rate - performance.now());
        const { eventIds } = await writer.run(async (tx) => tx.publish(topic, leadErased(written++)));
        committedAt.set(eventIds[0] as string, performance.now());
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, worker));
    const seconds = (performance.now() - t0) / 1000;
    await waitFor(() => [...committedAt.keys()].every((id) => receivedAt.has(id)), {
      timeoutMs: 120_000,
      intervalMs: 20,
      description: 'hop',
    });
    const hops = [...committedAt].map(([id, at]) => (receivedAt.get(id) as number) - at);
    for (const id of committedAt.keys()) receivedAt.delete(id);
    return { seconds, count, hops, rounds: [...rounds] };
  };
  try {
    await slice({ count: 20 }); // warm-up: schema lookup, connections, the consumer's first fetches
  } catch (error) {
    await close();
    throw error;
  }
  return { slice, close };
}

const hopRate = (slices: Slice[]): number =>
  slices.reduce((n, x) => n + x.count, 0) / slices.reduce((t, x) => t + x.seconds, 0);
const hopLine = (slices: Slice[]): string => {
  const hops = slices.flatMap((x) => x.hops);
  return `p50 ${quantile(hops, 0.5).toFixed(1)} ms, p99 ${quantile(hops, 0.99).toFixed(1)} ms (writers ${hopRate(slices).toFixed(0)} tx/s, median round ${median(slices.flatMap((x) => x.rounds))} rows)`;
};

async function main(): Promise<void> {
  await ensureStack();
  const a = testTopicDef(uniqueTopicName('bench-a'));
  const bRaw = uniqueTopicName('bench-b-raw');
  const bRelay: Record<LingerMode, string> = {
    fixed: uniqueTopicName('bench-b-relay-fixed'),
    adaptive: uniqueTopicName('bench-b-relay-adaptive'),
  };
  const hop: Record<LingerMode, LeadErasedTopic> = {
    fixed: testTopicDef(uniqueTopicName('bench-hop-fixed')),
    adaptive: testTopicDef(uniqueTopicName('bench-hop-adaptive')),
  };
  const topics = [a.name, bRaw, bRelay.fixed, bRelay.adaptive, hop.fixed.name, hop.adaptive.name];
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

    const rel: Partial<Record<LingerMode, RelayPipe>> = {};
    for (const mode of MODES) {
      const r = await relayPipe(a.name, bRelay[mode], mode);
      rel[mode] = r;
      console.log(
        `libs/messaging null relay (inbox+outbox tx, OutboxRelay), ${mode} linger: ${(N / r.seconds).toFixed(0)} records/s (${r.seconds.toFixed(2)} s), median batch (events per transaction) ${median(r.batches)}, transactions ${r.batches.length}, relay rounds ${r.relayRounds.length}, median relay round ${median(r.relayRounds)} rows; consumer side (inbox+outbox written) done after ${r.consumeSeconds.toFixed(2)} s`,
      );
    }
    const rate = (m: LingerMode) => N / (rel[m] as RelayPipe).seconds;
    console.log(
      `ratio relay/raw: fixed ${(rate('fixed') / rawRate).toFixed(2)}, adaptive ${(rate('adaptive') / rawRate).toFixed(2)}; throughput adaptive/fixed x${(rate('adaptive') / rate('fixed')).toFixed(2)}`,
    );

    // Half the hop's maximum: the lesser of what the relay alone drains and what the writers
    // commit back to back (far less here, on a machine shared with the broker and PostgreSQL).
    const drained = await relayMaxTxPerSecond(hop.fixed, 20_000);
    const opened: Partial<Record<LingerMode, HopBed>> = {};
    try {
      for (const mode of MODES) opened[mode] = await openHopBed(hop[mode], mode);
      const beds = opened as Record<LingerMode, HopBed>;
      const peak = await beds.adaptive.slice({ count: 5_000 });
      const half = Math.round(Math.min(drained, hopRate([peak])) / 2 / 50) * 50;
      const rates = process.env.HOP_RATES?.split(',').map(Number) ?? [100, half];
      const seconds = opt('HOP_SECONDS') ?? 12;
      console.log(
        `per hop (commit of a one-event transaction -> its record at a kafkajs consumer), linger ceiling ${LINGER_MS} ms: the relay alone drains ${drained.toFixed(0)} tx/s (a full outbox); ${WRITERS} writers back to back peak at ${hopRate([peak]).toFixed(0)} tx/s (adaptive: ${hopLine([peak])}); ${seconds} s per rate and mode, in ${HOP_SLICES} slices alternating the modes (ABBA), pooled:`,
      );
      for (const offered of rates) {
        const slices: Record<LingerMode, Slice[]> = { fixed: [], adaptive: [] };
        const count = Math.round((offered * seconds) / HOP_SLICES);
        for (let i = 0; i < HOP_SLICES; i++)
          for (const mode of i % 2 ? [...MODES].reverse() : MODES)
            slices[mode].push(await beds[mode].slice({ rate: offered, count }));
        const p = (m: LingerMode, q: number) =>
          quantile(
            slices[m].flatMap((x) => x.hops),
            q,
          );
        console.log(
          `  ${offered} tx/s: fixed linger ${hopLine(slices.fixed)}; adaptive ${hopLine(slices.adaptive)}; adaptive/fixed p50 x${(p('adaptive', 0.5) / p('fixed', 0.5)).toFixed(2)}, p99 x${(p('adaptive', 0.99) / p('fixed', 0.99)).toFixed(2)}`,
        );
      }
    } finally {
      for (const mode of MODES) await opened[mode]?.close();
    }
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
