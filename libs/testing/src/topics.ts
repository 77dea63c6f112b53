import { randomUUID } from 'node:crypto';
import { TOPICS, type AvroSchema, type TopicDef } from '@smarketing/contracts';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { stackEnv } from './env';
import { waitFor } from './wait-for';

/** A name no other test run uses: `test.<uuid>.<suffix>`. */
export const uniqueTopicName = (suffix: string): string => `test.${randomUUID()}.${suffix}`;

/**
 * An ad-hoc `lead-erased` topic (same shape as the registry's entries) under a unique name, so
 * concurrent test runs never share a topic or a registry subject.
 */
export function testTopicDef(
  name = uniqueTopicName('lead-erased'),
  schema: AvroSchema = TOPICS.leadErased.schema,
): TopicDef<'lead-erased'> {
  return {
    name,
    eventType: 'lead-erased',
    writer: 'ingestion',
    keyField: 'leadId',
    readers: [],
    retention: 'history',
    personalData: false,
    schemaFile: TOPICS.leadErased.schemaFile,
    schema,
    doc: 'test topic',
  };
}

/** Runs `fn` with a connected kafkajs admin client, always disconnecting. */
export async function withAdmin<T>(
  fn: (admin: Admin) => Promise<T>,
  brokers = stackEnv().brokers,
): Promise<T> {
  const kafka = new Kafka({
    clientId: 'smarketing-testing',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 10 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates topics (auto creation is off on the local broker) and waits for their leaders. */
export async function createTopics(names: readonly string[], numPartitions = 6): Promise<void> {
  await withAdmin(async (admin) => {
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: names.map((topic) => ({ topic, numPartitions, replicationFactor: 1 })),
      });
    } catch (error) {
      // On a broker that has just started, kafkajs' wait for leaders can fail with "This server
      // does not host this topic-partition" although the topics were created: wait here instead.
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      await waitFor(
        async () => {
          const { topics } = await admin.fetchTopicMetadata({ topics: [...names] });
          return topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        },
        { timeoutMs: 60_000, intervalMs: 200, description: `leaders of ${names.join(', ')}` },
      );
    }
  });
}

/** Deletes topics, ignoring those already gone. */
export async function deleteTopics(names: readonly string[]): Promise<void> {
  if (!names.length) return;
  await withAdmin(async (admin) => {
    const existing = new Set(await admin.listTopics());
    const gone = names.filter((n) => existing.has(n));
    if (gone.length) await admin.deleteTopics({ topics: gone, timeout: 30_000 });
  }).catch(() => undefined);
}

/** Registers `schema` under `subject` (Confluent API) and returns its id. */
export async function registerSchema(
  subject: string,
  schema: AvroSchema,
  registryUrl = stackEnv().registryUrl,
): Promise<number> {
  const res = await fetch(`${registryUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schemaType: 'AVRO', schema: JSON.stringify(schema) }),
  });
  if (!res.ok) throw new Error(`registering ${subject} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

/** Deletes a subject (soft, then permanent), ignoring a missing one. */
export async function deleteSubject(subject: string, registryUrl = stackEnv().registryUrl): Promise<void> {
  const url = `${registryUrl}/subjects/${encodeURIComponent(subject)}`;
  await fetch(url, { method: 'DELETE' }).catch(() => undefined);
  await fetch(`${url}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
}

/** A test topic, created with `partitions` partitions, with its schema registered under `<name>-value`. */
export async function provisionTestTopic(topic: TopicDef, partitions = 6): Promise<number> {
  await createTopics([topic.name], partitions);
  return registerSchema(`${topic.name}-value`, topic.schema);
}

/**
 * Commits a new consumer group's offsets at the topics' current ends, so it reads only what is
 * written from now on (the topics are shared with other runs). One member joins the group for all
 * the topics at once and commits every partition's end: kafkajs' admin.setOffsets joins once per
 * topic and waits out a fetch each time (about 5 s a topic, 80 s for reporting's fourteen), and its
 * resetOffsets(earliest: false) commits -1, which a consumer reads as "no offset" and starts from
 * the beginning.
 */
export async function startGroupAtEnd(groupId: string, topicNames: readonly string[]): Promise<void> {
  if (!topicNames.length) return;
  const ends = await withAdmin(async (admin) => {
    const all: { topic: string; partition: number; offset: string }[] = [];
    for (const topic of topicNames)
      for (const o of await admin.fetchTopicOffsets(topic))
        all.push({ topic, partition: o.partition, offset: o.high });
    return all;
  });
  const kafka = new Kafka({
    clientId: 'smarketing-testing',
    brokers: stackEnv().brokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topics: [...topicNames], fromBeginning: false });
    await consumer.run({ autoCommit: false, eachBatch: async () => undefined });
    consumer.pause(topicNames.map((topic) => ({ topic })));
    await joined;
    await consumer.commitOffsets(ends);
  } finally {
    await consumer.disconnect();
  }
}
