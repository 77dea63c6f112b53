import { randomUUID } from 'node:crypto';
import { HEADER, type EventOf, type TopicDef } from '@smarketing/contracts';
import { AvroSerde, KafkajsAdapter, type ProducerPort } from '@smarketing/messaging';
import { stackEnv } from '@smarketing/testing';

/** The most records one produce request carries: the broker refuses a request over its max size. */
const MAX_RECORDS_PER_REQUEST = 1_000;

/** Produces platform events the way their writers do: Confluent wire format, keyed, with the standard headers. */
export class EventProducer {
  private readonly serde = new AvroSerde(stackEnv().registryUrl);
  private readonly kafka: KafkajsAdapter;
  private readonly producer: ProducerPort;

  constructor(clientId = 'service-test-producer') {
    this.kafka = new KafkajsAdapter({ brokers: stackEnv().brokers, clientId });
    this.producer = this.kafka.producer();
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  /**
   * Sends the events (each at its `occurredAt`, keyed by the topic's key field, from the topic's
   * writer) and returns their event ids: `eventIds[i]` when given, a fresh UUID otherwise.
   */
  async send<T extends TopicDef>(
    topic: T,
    values: readonly EventOf<T>[],
    eventIds?: readonly string[],
  ): Promise<string[]> {
    const records = await Promise.all(
      values.map(async (value, i) => {
        const v = value as Record<string, unknown>;
        const eventId = eventIds?.[i] ?? randomUUID();
        const time = new Date(Number(v.occurredAt)).toISOString();
        return {
          eventId,
          record: {
            topic: topic.name,
            key: String(v[topic.keyField]),
            value: await this.serde.encode(topic, value),
            headers: {
              [HEADER.eventId]: eventId,
              [HEADER.eventType]: topic.eventType,
              [HEADER.occurredAt]: time,
              [HEADER.producer]: topic.writer,
              [HEADER.ceId]: eventId,
              [HEADER.ceTime]: time,
            },
          },
        };
      }),
    );
    for (let i = 0; i < records.length; i += MAX_RECORDS_PER_REQUEST)
      await this.producer.send(records.slice(i, i + MAX_RECORDS_PER_REQUEST).map((r) => r.record));
    return records.map((r) => r.eventId);
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.kafka.close();
  }
}
