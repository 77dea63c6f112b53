import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { stackEnv } from './env';
import { waitFor } from './wait-for';
import { withAdmin } from './topics';

export type ReadRecord = {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
};

/** Per-partition high watermarks of a topic, and their sum (the record count of a never-compacted topic). */
export async function topicEndOffsets(
  topic: string,
): Promise<{ total: number; byPartition: Map<number, number> }> {
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const byPartition = new Map(offsets.map((o) => [o.partition, Number(o.high) - Number(o.low)]));
  return { total: [...byPartition.values()].reduce((a, b) => a + b, 0), byPartition };
}

/**
 * Reads every record of a topic from the beginning up to its high watermarks at call time
 * (a fresh consumer group each time; nothing is committed that matters).
 */
export async function readTopic(topic: string, options: { timeoutMs?: number } = {}): Promise<ReadRecord[]> {
  const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const wanted = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const records: ReadRecord[] = [];
  if (wanted.size === 0) return records;
  const kafka = new Kafka({
    clientId: 'smarketing-testing-reader',
    brokers: stackEnv().brokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const reached = new Set<number>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(m.headers ?? {})) {
            const one = Array.isArray(v) ? v[0] : v;
            if (one !== undefined) headers[k] = Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
          }
          records.push({
            topic: batch.topic,
            partition: batch.partition,
            offset: m.offset,
            key: m.key?.toString('utf8') ?? null,
            value: m.value,
            headers,
          });
          if (Number(m.offset) + 1 >= (wanted.get(batch.partition) ?? 0)) reached.add(batch.partition);
        }
      },
    });
    await waitFor(() => reached.size >= wanted.size, {
      timeoutMs: options.timeoutMs ?? 60_000,
      intervalMs: 100,
      description: `reading ${topic}`,
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
