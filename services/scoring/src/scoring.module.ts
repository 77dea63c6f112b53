import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import type { Clock } from './app/ports/clock.port';
import type { Config } from './config';
import { ModelSeeder } from './infra/bootstrap/model-seeder';
import { ApiKeyGuard } from './infra/http/api-key.guard';
import { ApiKeys } from './infra/http/api-keys';
import { LeadsController } from './infra/http/leads.controller';
import { ModelsController } from './infra/http/models.controller';
import { SCORING_HANDLERS } from './infra/messaging/scoring-handlers';
import { migrations } from './infra/migrations';
import { ModelCacheModule } from './infra/model-cache.module';
import { SystemClock } from './infra/system-clock';
import { useCaseProviders } from './infra/use-case.providers';

export type ScoringModuleOptions = {
  /** Replaces the system clock (publication times, job leases); business rules use event time anyway. */
  clock?: Clock;
};

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class ScoringModule {
  static register(config: Config, options: ScoringModuleOptions = {}): DynamicModule {
    return {
      module: ScoringModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'scoring' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'scoring',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        ModelCacheModule,
        MessagingModule.forRoot({
          config: {
            service: 'scoring',
            brokers: config.KAFKA_BROKERS,
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
            maxBatchSize: config.CONSUMER_MAX_BATCH_SIZE,
            concurrency: config.CONSUMER_CONCURRENCY,
          },
          handlers: SCORING_HANDLERS,
        }),
      ],
      controllers: [ModelsController, LeadsController],
      providers: [
        { provide: ApiKeys, useValue: ApiKeys.fromConfig(config) },
        ApiKeyGuard,
        ...useCaseProviders({
          clock: options.clock ?? new SystemClock(),
          rescoreChunkSize: config.RESCORE_CHUNK_SIZE,
        }),
        ModelSeeder,
      ],
    };
  }
}
