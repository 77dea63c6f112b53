import { readFileSync } from 'node:fs';
import type { KafkaClientConfig } from '@smarketing/config';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type KafkaConfig,
  type LogEntry,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import type { ConsumerHandle, ConsumerRunOptions, OutgoingRecord, RawRecord } from './kafka-port';
import { KafkaPort, ProducerPort } from './kafka-port';
import { brokerFailure, isFencedKafkajsError } from './kafkajs-errors';

export type KafkajsOptions = KafkaClientConfig & {
  readonly clientId: string;
  /** kafkajs logs are noisy; what needs attention goes to this callback (kafkaLogLevel). */
  readonly log?: (level: KafkaLogLevel, message: string, extra: Record<string, unknown>) => void;
};

export type KafkaLogLevel = 'error' | 'warn' | 'debug';

/**
 * The level a kafkajs log line deserves here, or undefined to drop it. kafkajs logs at ERROR what
 * it then retries itself, so a fresh broker's first join printed a screen of errors:
 * - `Connection`: an error response to one request (coordinator loading or not available, ...);
 *   the caller retries it, and what finally fails reaches our code as a rejection: debug.
 * - a consumer crash: logged from the CRASH event instead (runConsumer), which knows whether kafkajs
 *   restarts the consumer (warn) or gives up (error).
 * - "Limiting retries for the idempotent producer may invalidate EoS guarantees": kafkajs' own
 *   exactly-once needs unlimited producer retries. Ours does not rest on it: the relay retries a
 *   failed send itself, a repeat on the wire is possible by design (at least once), and every
 *   consumer's inbox drops it by event id, so effects stay exactly once. Dropped.
 */
export function kafkaLogLevel(
  entry: Pick<LogEntry, 'namespace' | 'level' | 'log'>,
): KafkaLogLevel | undefined {
  const message = String(entry.log.message);
  if (message.startsWith('Limiting retries for the idempotent producer')) return undefined;
  if (
    entry.namespace === 'Consumer' &&
    (message.startsWith('Crash: ') || message.startsWith('Restarting the consumer'))
  )
    return undefined;
  if (entry.namespace === 'Connection') return 'debug';
  return entry.level === logLevel.ERROR ? 'error' : 'warn';
}

// kafkajs types SASL per mechanism; the switch narrows each one (and fails to compile on a new one).
const saslOptions = ({ mechanism, username, password }: NonNullable<KafkajsOptions['sasl']>): SASLOptions => {
  switch (mechanism) {
    case 'plain':
      return { mechanism, username, password };
    case 'scram-sha-256':
      return { mechanism, username, password };
    case 'scram-sha-512':
      return { mechanism, username, password };
  }
};

/**
 * The connection part of kafkajs' options: brokers, SASL and TLS. The CA file is read here, once, so
 * a missing or unreadable one fails at start-up with its path rather than on the first connection.
 */
export function kafkajsConnection(
  options: Pick<KafkajsOptions, 'brokers' | 'clientId' | 'sasl' | 'tls'>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): Pick<KafkaConfig, 'brokers' | 'clientId' | 'sasl' | 'ssl'> {
  const { tls, sasl } = options;
  return {
    clientId: options.clientId,
    brokers: [...options.brokers],
    ...(sasl ? { sasl: saslOptions(sasl) } : {}),
    ...(tls ? { ssl: tls.caFile === undefined ? true : { ca: [readFile(tls.caFile)] } } : {}),
  };
}

const headerString = (v: IHeaders[string]): string | undefined => {
  if (v === undefined) return undefined;
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
};

export const decodeHeaders = (headers: IHeaders | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const s = headerString(v);
    if (s !== undefined) out[k] = s;
  }
  return out;
};

class KafkajsProducer extends ProducerPort {
  constructor(private readonly producer: Producer) {
    super();
  }
  async connect(): Promise<void> {
    await this.producer.connect();
  }
  async send(records: readonly OutgoingRecord[]): Promise<void> {
    const byTopic = new Map<string, OutgoingRecord[]>();
    for (const r of records) {
      const list = byTopic.get(r.topic) ?? [];
      list.push(r);
      byTopic.set(r.topic, list);
    }
    try {
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, msgs]) => ({
          topic,
          // kafkajs only reads the headers: no copy per record.
          messages: msgs.map((m) => ({
            key: m.key,
            value: m.value,
            headers: m.headers as Record<string, string>,
          })),
        })),
      });
    } catch (error) {
      throw brokerFailure(error);
    }
  }
  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }
}

/** The default Kafka adapter, on kafkajs. */
export class KafkajsAdapter extends KafkaPort {
  private readonly kafka: Kafka;
  private admin?: Admin;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkajsOptions) {
    super();
    const log = options.log;
    this.kafka = new Kafka({
      ...kafkajsConnection(options),
      logLevel: logLevel.WARN,
      logCreator: () => (entry) => {
        const level = log && kafkaLogLevel(entry);
        if (!level) return;
        const { message, ...extra } = entry.log;
        log(level, String(message), extra);
      },
      retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
    });
  }

  producer(): ProducerPort {
    // Idempotent: the broker drops a retried duplicate, and order is kept per partition.
    return new KafkajsProducer(
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // Java-compatible murmur2 on the key, kafkajs 2's default, named so it does not warn.
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
    );
  }

  async runConsumer(options: ConsumerRunOptions): Promise<ConsumerHandle> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 250,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumers.add(consumer);
    let joined = false;
    let resolveJoined: () => void = () => undefined;
    const joinedPromise = new Promise<void>((r) => (resolveJoined = r));
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
      resolveJoined();
    });
    consumer.on(consumer.events.DISCONNECT, () => (joined = false));
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      joined = false;
      const error = payload.error as Error & { retryCount?: number };
      this.options.log?.(
        payload.restart ? 'warn' : 'error',
        payload.restart
          ? `consumer restarting after: ${error.message}`
          : `consumer stopped: ${error.message}`,
        { groupId: payload.groupId, error: error.name, retryCount: error.retryCount },
      );
    });
    let stopping = false;
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: options.concurrency ?? 3,
      eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
        const records: RawRecord[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ?? null,
          value: m.value ?? null,
          headers: decodeHeaders(m.headers),
          timestamp: m.timestamp,
        }));
        const lagAfter = Number(batch.offsetLag());
        // A rebalance fenced this member out: the batch lost its partition (isActive turns false),
        // and kafkajs rejoins on its next heartbeat or fetch.
        let fenced = false;
        const noteFenced = (error: unknown): void => {
          if (isFencedKafkajsError(error)) fenced = true;
        };
        await options.onBatch(
          {
            topic: batch.topic,
            partition: batch.partition,
            records,
            lag: Number.isFinite(lagAfter) ? lagAfter : 0,
          },
          {
            heartbeat: async () => {
              try {
                await heartbeat();
              } catch (error) {
                noteFenced(error);
                throw error; // kafkajs' own: its runner reads the type (rebalancing) when it escapes
              }
            },
            isActive: () => !stopping && !fenced && isRunning() && !isStale(),
            commit: async (offset) => {
              resolveOffset(offset);
              try {
                await consumer.commitOffsets([
                  {
                    topic: batch.topic,
                    partition: batch.partition,
                    offset: (BigInt(offset) + 1n).toString(),
                  },
                ]);
              } catch (error) {
                noteFenced(error);
                throw brokerFailure(error);
              }
            },
          },
        );
      },
    });
    return {
      joined: joinedPromise,
      isJoined: () => joined,
      stop: async () => {
        stopping = true;
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async ping(): Promise<void> {
    this.admin ??= this.kafka.admin();
    await this.admin.connect();
    await this.admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.admin?.disconnect();
  }
}
