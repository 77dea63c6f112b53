import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { given, provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { DataSource } from 'typeorm';
import { staticKeys } from './app/keys/static-keys';
import { ApiKeyStore } from './app/ports/api-key-store.port';
import { Clock } from './app/ports/clock.port';
import { Transactions } from './app/ports/transactions.port';
import { ApplyCrmFacts } from './app/use-cases/apply-crm-facts.use-case';
import { ApplySegmentCalls } from './app/use-cases/apply-segment-calls.use-case';
import { Authenticate } from './app/use-cases/authenticate.use-case';
import { CreateApiKey } from './app/use-cases/create-api-key.use-case';
import { EraseLead } from './app/use-cases/erase-lead.use-case';
import { IngestCrmFacts } from './app/use-cases/ingest-crm-facts.use-case';
import { IngestSegmentCalls } from './app/use-cases/ingest-segment-calls.use-case';
import { ListApiKeys } from './app/use-cases/list-api-keys.use-case';
import { RevokeApiKey } from './app/use-cases/revoke-api-key.use-case';
import { RotateApiKey } from './app/use-cases/rotate-api-key.use-case';
import type { Config } from './config';
import { AdminKeysController } from './infra/http/admin-keys.controller';
import { SourceKeyVerifier } from './infra/http/auth/source-key.verifier';
import { CrmController } from './infra/http/crm.controller';
import { ErasureController } from './infra/http/erasure.controller';
import { SegmentController } from './infra/http/segment.controller';
import { ingestionHandlers } from './infra/messaging/ingestion-handlers';
import { migrations } from './infra/migrations';
import { IdempotencyRetention } from './infra/persistence/idempotency-retention';
import { PgApiKeyStore } from './infra/persistence/pg-api-key-store';
import { RunnerTransactions } from './infra/persistence/runner-transactions';
import { SystemClock } from './infra/system-clock';

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class IngestionModule {
  static register(config: Config): DynamicModule {
    const ports: Provider[] = [
      provideAs(Clock, SystemClock),
      provideAs(Transactions, RunnerTransactions, TransactionRunner),
      provideAs(ApiKeyStore, PgApiKeyStore, DataSource, given(config.KEY_CACHE_TTL_MS)),
      provideClass(
        IdempotencyRetention,
        DataSource,
        given({ retentionDays: config.IDEMPOTENCY_RETENTION_DAYS }),
      ),
    ];
    const useCases: Provider[] = [
      // Kafka-side: execute(inputs, tx) in the consumer's transaction (infra/messaging/ingestion-handlers.ts);
      // the HTTP use cases compose them in their own transaction.
      provideClass(ApplySegmentCalls),
      provideClass(ApplyCrmFacts),
      // HTTP-side: execute(input); those that write open their transaction through Transactions
      // (the key use cases run single statements on ApiKeyStore).
      provideClass(
        IngestSegmentCalls,
        Transactions,
        Clock,
        ApplySegmentCalls,
        given({
          maxEventsPerTransaction: config.WRITE_GROUP_MAX_EVENTS,
          concurrentTransactions: config.WRITE_GROUP_CONCURRENCY,
        }),
      ),
      provideClass(IngestCrmFacts, Transactions, Clock, ApplyCrmFacts),
      provideClass(EraseLead, Transactions, Clock),
      provideClass(
        Authenticate,
        ApiKeyStore,
        given(staticKeys({ devWriteKey: config.INGESTION_DEV_WRITE_KEY })),
      ),
      provideClass(SourceKeyVerifier, Authenticate),
      provideClass(CreateApiKey, ApiKeyStore, Clock),
      provideClass(ListApiKeys, ApiKeyStore),
      provideClass(RotateApiKey, ApiKeyStore, Clock),
      provideClass(RevokeApiKey, ApiKeyStore, Clock),
    ];
    return {
      module: IngestionModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'ingestion' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'ingestion',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        MessagingModule.forRoot({
          config: {
            service: 'ingestion',
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
          },
        }),
      ],
      controllers: [SegmentController, CrmController, ErasureController, AdminKeysController],
      providers: [
        ...ports,
        ...useCases,
        kafkaHandlers([ApplySegmentCalls, ApplyCrmFacts], ingestionHandlers),
      ],
    };
  }
}
