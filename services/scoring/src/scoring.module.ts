import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import type { Config } from './config';
import { migrations } from './infra/migrations';

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class ScoringModule {
  static register(config: Config): DynamicModule {
    return {
      module: ScoringModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'scoring' }),
        PersistenceModule.forRoot({ url: config.DATABASE_URL, applicationName: 'scoring', migrations, poolSize: config.DB_POOL_SIZE }),
        MessagingModule.forRoot({
          config: {
            service: 'scoring',
            brokers: config.KAFKA_BROKERS,
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
          },
          handlers: [],
        }),
      ],
      controllers: [],
      providers: [],
    };
  }
}
