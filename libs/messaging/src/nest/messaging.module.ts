import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
  type Provider,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { KafkaClientConfig } from '@smarketing/config';
import {
  createLogger,
  HealthIndicator,
  HealthRegistry,
  type HealthCheckResult,
} from '@smarketing/observability';
import { DataSource } from 'typeorm';
import { BatchConsumer } from '../consumer/batch-consumer';
import type { AnyEventHandler as EventHandler } from '../consumer/event-handler';
import { KafkaPort, type ProducerPort } from '../kafka/kafka-port';
import { KafkajsAdapter } from '../kafka/kafkajs-adapter';
import { messagingMetrics } from '../messaging-metrics';
import { OutboxRelay } from '../outbox/outbox-relay';
import { TransactionRunner } from '../outbox/transaction-runner';
import { AvroSerde } from '../serde/avro-serde';

/**
 * The Kafka connection (brokers, SASL, TLS) comes from the platform config in one spread:
 * `{ service, ...kafkaClientConfig(config), registryUrl: config.SCHEMA_REGISTRY_URL, ... }`.
 */
export type MessagingConfig = KafkaClientConfig & {
  /** The service name: producer name, consumer group, inbox and dead-letter prefix. */
  readonly service: string;
  readonly registryUrl: string;
  readonly groupId?: string;
  readonly maxBatchSize?: number;
  readonly concurrency?: number;
  readonly relayBatchSize?: number;
  /** The ceiling of the relay's adaptive linger; see `OutboxRelayOptions.lingerMs`. */
  readonly relayLingerMs?: number;
  /** Where a new consumer group starts: the beginning of the topics (default) or their end. */
  readonly fromBeginning?: boolean;
};

export const MESSAGING_CONFIG = Symbol('MESSAGING_CONFIG');

/**
 * The service's Kafka handlers: instances its own module builds from its own providers (use cases,
 * caches), so no side module or global module is needed to reach them. See {@link kafkaHandlers}.
 */
export const KAFKA_HANDLERS = Symbol('KAFKA_HANDLERS');

/**
 * Provides the service's handlers, built from the providers of `inject`:
 *
 *   kafkaHandlers([IngestSegmentCallsUseCase], (ingest) => [new SegmentIntakeHandler(ingest)])
 */
export function kafkaHandlers<A extends readonly unknown[]>(
  inject: { [K in keyof A]: abstract new (...args: never[]) => A[K] },
  build: (...deps: A) => readonly EventHandler[],
): Provider {
  return { provide: KAFKA_HANDLERS, inject: inject as unknown as never[], useFactory: build as never };
}

/**
 * Starts and stops the service's data path: the batch consumer over its handlers, the outbox
 * relay and the producer. Readiness includes the broker, the registry and the consumer group.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly logger;
  readonly relay: OutboxRelay;
  readonly transactions: TransactionRunner;
  private readonly producer: ProducerPort;
  private readonly metrics: ReturnType<typeof messagingMetrics>;
  private batchConsumer?: BatchConsumer;
  private started = false;

  constructor(
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
    private readonly moduleRef: ModuleRef,
    readonly kafka: KafkaPort,
    readonly serde: AvroSerde,
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger({ service: config.service }).child({ component: 'messaging' });
    const metrics = (this.metrics = messagingMetrics());
    this.producer = kafka.producer();
    this.relay = new OutboxRelay({
      dataSource,
      producer: this.producer,
      producerName: config.service,
      logger: this.logger,
      metrics,
      batchSize: config.relayBatchSize,
      lingerMs: config.relayLingerMs,
    });
    this.transactions = new TransactionRunner(dataSource, serde, () => this.relay.wake());
  }

  /** The batch consumer over the service's handlers (built once every provider exists). */
  get consumer(): BatchConsumer {
    if (!this.batchConsumer) throw new Error('MessagingRuntime.consumer is built in onModuleInit');
    return this.batchConsumer;
  }

  private handlers(): EventHandler[] {
    try {
      return [...this.moduleRef.get<readonly EventHandler[]>(KAFKA_HANDLERS, { strict: false })];
    } catch {
      return []; // a service that consumes nothing provides no handlers
    }
  }

  onModuleInit(): void {
    const c = this.config;
    this.batchConsumer = new BatchConsumer({
      consumer: c.service,
      groupId: c.groupId,
      handlers: this.handlers(),
      kafka: this.kafka,
      producer: this.producer,
      serde: this.serde,
      dataSource: this.dataSource,
      logger: this.logger,
      metrics: this.metrics,
      maxBatchSize: c.maxBatchSize,
      concurrency: c.concurrency,
      fromBeginning: c.fromBeginning,
      onOutboxWritten: () => this.relay.wake(),
    });
    const indicator = (name: string, check: () => Promise<HealthCheckResult>): HealthIndicator =>
      new (class extends HealthIndicator {
        readonly name = name;
        check = check;
      })();
    this.health.register(indicator('kafka', async () => (await this.kafka.ping(), { ok: true })));
    this.health.register(indicator('schema-registry', async () => (await this.serde.ping(), { ok: true })));
    this.health.register(
      indicator('consumer-group', async () =>
        this.consumer.isJoined()
          ? { ok: true }
          : { ok: false, detail: `group ${this.config.groupId ?? this.config.service} not joined` },
      ),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.relay.start();
    await this.consumer.start();
    this.started = true;
    this.logger.info({ brokers: this.config.brokers }, 'messaging started');
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.consumer.stop();
    await this.relay.stop();
    await this.producer.disconnect().catch(() => undefined);
    await this.kafka.close();
    this.logger.info({}, 'messaging stopped');
  }
}

/**
 * Wires libs/messaging into a Nest app: `MessagingModule.forRoot({ config })` in the service
 * module's imports, and the handlers among its providers with {@link kafkaHandlers}.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: { config: MessagingConfig }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_CONFIG, useValue: options.config },
        {
          provide: KafkaPort,
          useFactory: () => {
            const logger = createLogger({ service: options.config.service }).child({ component: 'kafkajs' });
            const { brokers, sasl, tls, service } = options.config;
            return new KafkajsAdapter({
              brokers,
              ...(sasl ? { sasl } : {}),
              ...(tls ? { tls } : {}),
              clientId: service,
              log: (level, message, extra) => logger[level]({ ...extra }, message),
            });
          },
        },
        { provide: AvroSerde, useFactory: () => new AvroSerde(options.config.registryUrl) },
        MessagingRuntime,
        {
          provide: TransactionRunner,
          useFactory: (rt: MessagingRuntime) => rt.transactions,
          inject: [MessagingRuntime],
        },
      ],
      exports: [MessagingRuntime, TransactionRunner, AvroSerde, KafkaPort],
    };
  }
}
