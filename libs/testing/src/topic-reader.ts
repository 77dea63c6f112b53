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
 * Per-partition high watermarks of each topic now (one admin connection for all): where records
 * produced from now on will start.
 */
export async function topicPositions(topics: readonly string[]): Promise<Map<string, Map<number, number>>> {
  return withAdmin(async (admin) => {
    const positions = new Map<string, Map<number, number>>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      positions.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
    }
    return positions;
  });
}

/**
 * Reads the records of a topic up to its high watermarks at call time: from the beginning, or, per
 * partition, from `from` (a topic's entry of `topicPositions`, taken earlier), so a test reads only what
 * was produced since it started however full shared topics are (a fresh consumer group each time;
 * nothing is committed that matters).
 */
export async function readTopic(
  topic: string,
  options: { timeoutMs?: number; from?: ReadonlyMap<number, number> } = {},
): Promise<ReadRecord[]> {
  const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const start = (partition: number, low: number) => Math.max(low, options.from?.get(partition) ?? 0);
  const starts = new Map(ends.map((e) => [e.partition, start(e.partition, Number(e.low))]));
  const wanted = new Map(
    ends
      .filter((e) => Number(e.high) > (starts.get(e.partition) ?? 0))
      .map((e) => [e.partition, Number(e.high)]),
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
        const from = starts.get(batch.partition) ?? 0;
        for (const m of batch.messages) {
          if (Number(m.offset) < from) continue; // fetched before the seek below took effect
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
    for (const [partition, offset] of starts) {
      if (offset > 0 && wanted.has(partition)) consumer.seek({ topic, partition, offset: String(offset) });
    }
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
