// A baseline of the benchmark: the service's own write path (validation, idempotency, identity,
// lead state and the outbox in one transaction with group commit, and the relay publishing to
// Kafka) on a bare Fastify route, without Nest, authentication, rate limiting, tracing, metrics or
// request logging. The service's rate divided by this one is what those layers cost.
// Its own database (DATABASE_URL), so that its relay and the service's do not share an outbox.
import {
  KafkajsAdapter,
  AvroSerde,
  OutboxRelay,
  TransactionRunner,
  messagingMetrics,
} from '@smarketing/messaging';
import { createDataSource } from '@smarketing/persistence';
import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { ApplySegmentCalls } from '../src/app/use-cases/apply-segment-calls.use-case';
import { IngestSegmentCalls } from '../src/app/use-cases/ingest-segment-calls.use-case';
import { loadConfig } from '../src/config';
import { migrations } from '../src/infra/migrations';
import { RunnerTransactions } from '../src/infra/persistence/runner-transactions';
import { SystemClock } from '../src/infra/system-clock';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    applicationName: 'ingestion-bench-same-work',
    migrations,
    poolSize: config.DB_POOL_SIZE,
  });
  await dataSource.initialize();
  const serde = new AvroSerde(config.SCHEMA_REGISTRY_URL);
  const kafka = new KafkajsAdapter({ brokers: config.KAFKA_BROKERS, clientId: 'ingestion-bench-same-work' });
  const producer = kafka.producer();
  await producer.connect();
  const quiet = {
    info: () => undefined,
    debug: () => undefined,
    warn: () => undefined,
    error: console.error,
  };
  const relay = new OutboxRelay({
    dataSource,
    producer,
    producerName: 'ingestion',
    logger: quiet,
    metrics: messagingMetrics(new Registry()),
    lingerMs: config.OUTBOX_RELAY_LINGER_MS,
  });
  const runner = new TransactionRunner(dataSource, serde, () => relay.wake());
  const ingest = new IngestSegmentCalls(
    new RunnerTransactions(runner),
    new SystemClock(),
    new ApplySegmentCalls(),
    {
      maxEventsPerTransaction: config.WRITE_GROUP_MAX_EVENTS,
      concurrentTransactions: config.WRITE_GROUP_CONCURRENCY,
    },
  );
  relay.start();

  const app = Fastify({ bodyLimit: config.BODY_LIMIT_BYTES });
  for (const route of ['batch', 'track'] as const)
    app.post(`/same/${route}`, async (request, reply) => {
      try {
        return { success: true, ...(await ingest.execute({ source: 'bench', route, body: request.body })) };
      } catch (error) {
        return reply.status(400).send({ error: String(error) });
      }
    });
  await app.listen({ port: config.PORT, host: '127.0.0.1' });
  console.log('listening');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
