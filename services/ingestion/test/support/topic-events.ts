import { HEADER, type EventOf, type TopicDef } from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { readTopic, stackEnv, type ReadRecord } from '@smarketing/testing';

export type DecodedEvent<V> = {
  readonly eventId: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: V;
};

const serde = new AvroSerde(stackEnv().registryUrl);

/**
 * The records of a real topic whose event-id is one of `eventIds` (or whose key is one of `keys`),
 * decoded from the Confluent wire format with the registry's schema.
 */
export async function eventsOn<T extends TopicDef>(
  topic: T,
  filter: { eventIds?: readonly string[]; keys?: readonly string[] },
): Promise<DecodedEvent<EventOf<T>>[]> {
  const ids = new Set(filter.eventIds ?? []);
  const keys = new Set(filter.keys ?? []);
  const records: ReadRecord[] = await readTopic(topic.name);
  const wanted = records.filter(
    (r) => ids.has(r.headers[HEADER.eventId] ?? '') || (r.key !== null && keys.has(r.key)),
  );
  return Promise.all(
    wanted.map(async (r) => ({
      eventId: r.headers[HEADER.eventId] ?? '',
      key: r.key,
      headers: r.headers,
      value: await serde.decode<EventOf<T>>(topic, r.value),
    })),
  );
}
