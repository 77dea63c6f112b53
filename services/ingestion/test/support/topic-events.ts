import { ALL_TOPICS, HEADER, TOPICS, type EventOf, type TopicDef } from '@smarketing/contracts';
import { AvroSerde } from '@smarketing/messaging';
import { readTopic, stackEnv, topicPositions, type ReadRecord } from '@smarketing/testing';

export type DecodedEvent<V> = {
  readonly eventId: string;
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: V;
};

const serde = new AvroSerde(stackEnv().registryUrl);

export type EventsOn = <T extends TopicDef>(
  topic: T,
  filter: { eventIds?: readonly string[]; keys?: readonly string[] },
) => Promise<DecodedEvent<EventOf<T>>[]>;

/**
 * Call at the top of a suite, before the hooks that start the app: registers a beforeAll that notes
 * where every platform topic ends, and returns `eventsOn`, which reads only the records produced
 * since (benchmarks and earlier runs fill these shared topics; reading them from the beginning
 * slows every test down). `eventsOn` gives the records of a real topic whose event-id is one of
 * `eventIds` (or whose key is one of `keys`), decoded from the Confluent wire format.
 */
export type ProfilesOn = (
  keys: readonly string[],
) => Promise<{ readonly key: string | null; readonly value: EventOf<typeof TOPICS.leadProfile> | null }[]>;

export function eventsSinceSuiteStart(): { eventsOn: EventsOn; profilesOn: ProfilesOn } {
  let positions = new Map<string, Map<number, number>>();
  beforeAll(async () => {
    positions = await topicPositions(ALL_TOPICS.map((t) => t.name));
  });
  const eventsOn: EventsOn = async (topic, filter) => {
    const ids = new Set(filter.eventIds ?? []);
    const keys = new Set(filter.keys ?? []);
    const records: ReadRecord[] = await readTopic(topic.name, { from: positions.get(topic.name) });
    const wanted = records.filter(
      (r) => ids.has(r.headers[HEADER.eventId] ?? '') || (r.key !== null && keys.has(r.key)),
    );
    return Promise.all(
      wanted.map(async (r) => ({
        eventId: r.headers[HEADER.eventId] ?? '',
        key: r.key,
        headers: r.headers,
        value: await serde.decode(topic, r.value),
      })),
    );
  };
  /** The profile topic's records of these leads, a tombstone as a null value. */
  const profilesOn: ProfilesOn = async (leadIds) => {
    const keys = new Set(leadIds);
    const records = await readTopic(TOPICS.leadProfile.name, {
      from: positions.get(TOPICS.leadProfile.name),
    });
    return Promise.all(
      records
        .filter((r) => r.key !== null && keys.has(r.key))
        .map(async (r) => ({
          key: r.key,
          value: r.value === null ? null : await serde.decode(TOPICS.leadProfile, r.value),
        })),
    );
  };
  return { eventsOn, profilesOn };
}
