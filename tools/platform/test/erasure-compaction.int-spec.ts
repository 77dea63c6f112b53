import { randomUUID } from 'node:crypto';
import { compactedTopicConfigs, RETENTION } from '@smarketing/contracts';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { withAdmin } from '../src/kafka-admin';
import { loadPlatformConfig } from '../src/platform-config';

const config = loadPlatformConfig();
const kafka = new Kafka({
  clientId: 'erasure-compaction-test',
  brokers: [...config.brokers],
  logLevel: logLevel.WARN,
});

/** The broker's `log.cleaner.backoff.ms` default: how long an idle cleaner sleeps between checks. */
const CLEANER_BACKOFF_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every record of the topic from the beginning, as (key, value or null). */
async function readAll(topic: string): Promise<{ key: string; value: string | null }[]> {
  const consumer = kafka.consumer({ groupId: `erasure-compaction-${randomUUID()}` });
  const offsets = await withAdmin(config, (a) => a.fetchTopicOffsets(topic));
  const end = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  const out: { key: string; value: string | null }[] = [];
  if (end === 0) return out;
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const highs = new Map(offsets.map((p) => [p.partition, Number(p.high)]));
  const done = new Set<number>(offsets.filter((p) => Number(p.high) === 0).map((p) => p.partition));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 30_000);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        out.push({
          key: String(message.key),
          value: message.value === null ? null : message.value.toString('utf8'),
        });
        if (Number(message.offset) + 1 >= (highs.get(partition) ?? 0)) done.add(partition);
        if (done.size === offsets.length) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

describe('the profile topic forgets an erased value', () => {
  const topic = `test.${randomUUID()}.lead-profile`;
  // The production shape (RETENTION.production.profile), scaled down so the test takes seconds.
  const MAX_LAG_MS = 2_000;
  let producer: Producer;

  beforeAll(async () => {
    await withAdmin(config, (a) =>
      a.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic,
            numPartitions: 1,
            replicationFactor: 1,
            configEntries: Object.entries(
              compactedTopicConfigs({ segmentMs: 1_000, maxLagMs: MAX_LAG_MS, tombstoneMs: 60_000 }),
            ).map(([name, value]) => ({ name, value })),
          },
        ],
      }),
    );
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await withAdmin(config, (a) => a.deleteTopics({ topics: [topic] })).catch(() => undefined);
  });

  it('uses the same kind of settings as production: compaction, a max lag, and a tombstone kept a while', () => {
    const production = RETENTION.production.profile;
    expect(Object.keys(compactedTopicConfigs({ segmentMs: 1, maxLagMs: 1, tombstoneMs: 1 })).sort()).toEqual(
      Object.keys(production).sort(),
    );
    expect(production['cleanup.policy']).toBe('compact');
  });

  it('removes every earlier value of an erased key within max.compaction.lag.ms plus the cleaner back-off, keeping the others', async () => {
    const erased = 'lead-erased-1';
    const kept = 'lead-kept-1';
    await producer.send({
      topic,
      messages: [
        { key: erased, value: JSON.stringify({ email: 'ada.erased@example.com', firstName: 'Ada' }) },
        { key: erased, value: JSON.stringify({ email: 'ada.erased@example.com', firstName: 'Ada L.' }) },
        { key: kept, value: JSON.stringify({ email: 'grace.kept@example.com' }) },
      ],
    });
    const erasedAt = Date.now();
    await producer.send({ topic, messages: [{ key: erased, value: null }] });

    // Other leads' profiles keep arriving (every write is a chance to roll the active segment).
    let readable = true;
    let records: { key: string; value: string | null }[] = [];
    const deadline = erasedAt + MAX_LAG_MS + CLEANER_BACKOFF_MS + 25_000;
    while (readable && Date.now() < deadline) {
      await producer.send({ topic, messages: [{ key: `filler-${randomUUID()}`, value: '{}' }] });
      await sleep(1_000);
      records = await readAll(topic);
      readable = records.some((r) => r.value?.includes('ada.erased@example.com'));
    }
    expect({ erasedValueReadable: readable, afterMs: Date.now() - erasedAt }).toMatchObject({
      erasedValueReadable: false,
    });
    // The tombstone is still there for consumers to see, and the other lead's profile is intact.
    expect(records.filter((r) => r.key === erased)).toEqual([{ key: erased, value: null }]);
    expect(records.filter((r) => r.key === kept).map((r) => r.value)).toEqual([
      JSON.stringify({ email: 'grace.kept@example.com' }),
    ]);
  }, 90_000);
});
