import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { MessagingModule } from '@smarketing/messaging';
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
import { ScopesGuard } from './infra/http/auth/scopes.guard';
import { CrmController } from './infra/http/crm.controller';
import { ErasureController } from './infra/http/erasure.controller';
import { OpenApiController } from './infra/http/openapi.controller';
import { SegmentController } from './infra/http/segment.controller';
import { CrmIntakeHandler } from './infra/kafka/crm-intake.handler';
import { SegmentIntakeHandler } from './infra/kafka/segment-intake.handler';
import { migrations } from './infra/migrations';
import { IdempotencyRetention } from './infra/persistence/idempotency-retention';
import { PgApiKeyStore } from './infra/persistence/pg-api-key.store';
import { TransactionUnitOfWork } from './infra/persistence/transaction-unit-of-work';
import { SystemClock } from './infra/system-clock';

/** Plain classes of app/ built by factories, so app/ stays free of Nest decorators. */
const useCase = <T>(
  provide: new (...args: never[]) => T,
  inject: unknown[],
  build: (...deps: never[]) => T,
): Provider => ({
  provide,
  inject: inject as never[],
  useFactory: build,
});

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class IngestionModule {
  static register(config: Config): DynamicModule {
    const ports: Provider[] = [
      { provide: Clock, useClass: SystemClock },
      { provide: UnitOfWork, useClass: TransactionUnitOfWork },
      {
        provide: ApiKeyStore,
        inject: [DataSource],
        useFactory: (db: DataSource) => new PgApiKeyStore(db, config.KEY_CACHE_TTL_MS),
      },
      { provide: SegmentCallsProcessor, useValue: new SegmentCallsProcessor() },
      {
        provide: IdempotencyRetention,
        inject: [DataSource],
        useFactory: (db: DataSource) =>
          new IdempotencyRetention(db, { retentionDays: config.IDEMPOTENCY_RETENTION_DAYS }),
      },
      { provide: CrmFactsProcessor, useValue: new CrmFactsProcessor() },
    ];
    const useCases: Provider[] = [
      useCase(
        IngestSegmentCallsUseCase,
        [UnitOfWork, Clock, SegmentCallsProcessor],
        (u: UnitOfWork, c: Clock, p: SegmentCallsProcessor) =>
          new IngestSegmentCallsUseCase(u, c, p, {
            maxEventsPerTransaction: config.WRITE_GROUP_MAX_EVENTS,
            concurrentTransactions: config.WRITE_GROUP_CONCURRENCY,
          }),
      ),
      useCase(
        IngestCrmFactsUseCase,
        [UnitOfWork, Clock, CrmFactsProcessor],
        (u: UnitOfWork, c: Clock, p: CrmFactsProcessor) => new IngestCrmFactsUseCase(u, c, p),
      ),
      useCase(EraseLeadUseCase, [UnitOfWork, Clock], (u: UnitOfWork, c: Clock) => new EraseLeadUseCase(u, c)),
      useCase(
        AuthenticateUseCase,
        [ApiKeyStore],
        (s: ApiKeyStore) =>
          new AuthenticateUseCase(
            s,
            staticKeys({ adminKey: config.INGESTION_ADMIN_KEY, devWriteKey: config.INGESTION_DEV_WRITE_KEY }),
          ),
      ),
      useCase(
        CreateApiKeyUseCase,
        [ApiKeyStore, Clock],
        (s: ApiKeyStore, c: Clock) => new CreateApiKeyUseCase(s, c),
      ),
      useCase(ListApiKeysUseCase, [ApiKeyStore], (s: ApiKeyStore) => new ListApiKeysUseCase(s)),
      useCase(
        RotateApiKeyUseCase,
        [ApiKeyStore, Clock],
        (s: ApiKeyStore, c: Clock) => new RotateApiKeyUseCase(s, c),
      ),
      useCase(
        RevokeApiKeyUseCase,
        [ApiKeyStore, Clock],
        (s: ApiKeyStore, c: Clock) => new RevokeApiKeyUseCase(s, c),
      ),
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
            brokers: config.KAFKA_BROKERS,
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
          },
          handlers: [SegmentIntakeHandler, CrmIntakeHandler],
          imports: [ProcessorsModule],
        }),
      ],
      controllers: [
        SegmentController,
        CrmController,
        ErasureController,
        AdminKeysController,
        OpenApiController,
      ],
      providers: [...ports, ...useCases, { provide: APP_GUARD, useClass: ScopesGuard }],
    };
  }
}

/** The processors the Kafka handlers need, visible inside MessagingModule. */
@Module({
  providers: [
    { provide: SegmentCallsProcessor, useValue: new SegmentCallsProcessor() },
    { provide: CrmFactsProcessor, useValue: new CrmFactsProcessor() },
  ],
  exports: [SegmentCallsProcessor, CrmFactsProcessor],
})
class ProcessorsModule {}
