import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleInit,
  type Type,
} from '@nestjs/common';
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

export type MessagingConfig = {
  /** The service name: producer name, consumer group, inbox and dead-letter prefix. */
  readonly service: string;
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly groupId?: string;
  readonly maxBatchSize?: number;
  readonly concurrency?: number;
  readonly relayBatchSize?: number;
  /** See `OutboxRelayOptions.lingerMs`. */
  readonly relayLingerMs?: number;
  /** Where a new consumer group starts: the beginning of the topics (default) or their end. */
  readonly fromBeginning?: boolean;
};

export const MESSAGING_CONFIG = Symbol('MESSAGING_CONFIG');
export const EVENT_HANDLERS = Symbol('EVENT_HANDLERS');

/**
 * Starts and stops the service's data path: the batch consumer over its handlers, the outbox
 * relay and the producer. Readiness includes the broker, the registry and the consumer group.
 */
@Injectable()
export class MessagingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly logger;
  readonly relay: OutboxRelay;
  readonly consumer: BatchConsumer;
  readonly transactions: TransactionRunner;
  private readonly producer: ProducerPort;
  private started = false;

  constructor(
    @Inject(MESSAGING_CONFIG) private readonly config: MessagingConfig,
    @Inject(EVENT_HANDLERS) handlers: EventHandler[],
    readonly kafka: KafkaPort,
    readonly serde: AvroSerde,
    dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {
    this.logger = createLogger({ service: config.service }).child({ component: 'messaging' });
    const metrics = messagingMetrics();
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
    this.consumer = new BatchConsumer({
      consumer: config.service,
      groupId: config.groupId,
      handlers,
      kafka,
      producer: this.producer,
      serde,
      dataSource,
      logger: this.logger,
      metrics,
      maxBatchSize: config.maxBatchSize,
      concurrency: config.concurrency,
      fromBeginning: config.fromBeginning,
      onOutboxWritten: () => this.relay.wake(),
    });
    this.transactions = new TransactionRunner(dataSource, serde, () => this.relay.wake());
  }

  onModuleInit(): void {
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

/** Wires libs/messaging into a Nest app: `MessagingModule.forRoot({ config, handlers: [MyHandler] })`. */
@Module({})
export class MessagingModule {
  static forRoot(options: {
    config: MessagingConfig;
    handlers?: Type<EventHandler>[];
    imports?: DynamicModule['imports'];
  }): DynamicModule {
    const handlers = options.handlers ?? [];
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_CONFIG, useValue: options.config },
        {
          provide: KafkaPort,
          useFactory: () => {
            const logger = createLogger({ service: options.config.service }).child({ component: 'kafkajs' });
            return new KafkajsAdapter({
              brokers: options.config.brokers,
              clientId: options.config.service,
              log: (level, message, extra) => logger[level]({ ...extra }, message),
            });
          },
        },
        { provide: AvroSerde, useFactory: () => new AvroSerde(options.config.registryUrl) },
        ...handlers,
        { provide: EVENT_HANDLERS, useFactory: (...hs: EventHandler[]) => hs, inject: handlers },
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
