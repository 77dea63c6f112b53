import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { given, provideAs, provideClass } from '@smarketing/composition';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { DataSource } from 'typeorm';
import { CrmFactsProcessor } from './app/crm/crm-facts.processor';
import { IngestCrmFactsUseCase } from './app/crm/ingest-crm-facts.use-case';
import { EraseLeadUseCase } from './app/erasure/erase-lead.use-case';
import { AuthenticateUseCase, staticKeys } from './app/keys/authenticate.use-case';
import { CreateApiKeyUseCase } from './app/keys/create-api-key.use-case';
import { ListApiKeysUseCase } from './app/keys/list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './app/keys/revoke-api-key.use-case';
import { RotateApiKeyUseCase } from './app/keys/rotate-api-key.use-case';
import { ApiKeyStore } from './app/ports/api-key-store.port';
import { Clock } from './app/ports/clock.port';
import { UnitOfWork } from './app/ports/ingestion-tx.port';
import { IngestSegmentCallsUseCase } from './app/segment/ingest-segment-calls.use-case';
import { SegmentCallsProcessor } from './app/segment/segment-calls.processor';
import type { Config } from './config';
import { AdminKeysController } from './infra/http/admin-keys.controller';
import { SourceKeyVerifier } from './infra/http/auth/source-key.verifier';
import { CrmController } from './infra/http/crm.controller';
import { ErasureController } from './infra/http/erasure.controller';
import { SegmentController } from './infra/http/segment.controller';
import { CrmIntakeHandler } from './infra/kafka/crm-intake.handler';
import { SegmentIntakeHandler } from './infra/kafka/segment-intake.handler';
import { migrations } from './infra/migrations';
import { IdempotencyRetention } from './infra/persistence/idempotency-retention';
import { PgApiKeyStore } from './infra/persistence/pg-api-key.store';
import { TransactionUnitOfWork } from './infra/persistence/transaction-unit-of-work';
import { SystemClock } from './infra/system-clock';

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class IngestionModule {
  static register(config: Config): DynamicModule {
    const ports: Provider[] = [
      provideAs(Clock, SystemClock),
      provideAs(UnitOfWork, TransactionUnitOfWork, TransactionRunner),
      provideAs(ApiKeyStore, PgApiKeyStore, DataSource, given(config.KEY_CACHE_TTL_MS)),
      provideClass(SegmentCallsProcessor),
      provideClass(CrmFactsProcessor),
      provideClass(
        IdempotencyRetention,
        DataSource,
        given({ retentionDays: config.IDEMPOTENCY_RETENTION_DAYS }),
      ),
    ];
    const useCases: Provider[] = [
      provideClass(
        IngestSegmentCallsUseCase,
        UnitOfWork,
        Clock,
        SegmentCallsProcessor,
        given({
          maxEventsPerTransaction: config.WRITE_GROUP_MAX_EVENTS,
          concurrentTransactions: config.WRITE_GROUP_CONCURRENCY,
        }),
      ),
      provideClass(IngestCrmFactsUseCase, UnitOfWork, Clock, CrmFactsProcessor),
      provideClass(EraseLeadUseCase, UnitOfWork, Clock),
      provideClass(
        AuthenticateUseCase,
        ApiKeyStore,
        given(staticKeys({ devWriteKey: config.INGESTION_DEV_WRITE_KEY })),
      ),
      provideClass(SourceKeyVerifier, AuthenticateUseCase),
      provideClass(CreateApiKeyUseCase, ApiKeyStore, Clock),
      provideClass(ListApiKeysUseCase, ApiKeyStore),
      provideClass(RotateApiKeyUseCase, ApiKeyStore, Clock),
      provideClass(RevokeApiKeyUseCase, ApiKeyStore, Clock),
    ];
    const handlers = kafkaHandlers([SegmentCallsProcessor, CrmFactsProcessor], (segment, crm) => [
      new SegmentIntakeHandler(segment),
      new CrmIntakeHandler(crm),
    ]);
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
            brokers: config.KAFKA_BROKERS,
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
          },
        }),
      ],
      controllers: [SegmentController, CrmController, ErasureController, AdminKeysController],
      providers: [...ports, ...useCases, handlers],
    };
  }
}
