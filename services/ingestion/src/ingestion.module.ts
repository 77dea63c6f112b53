import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import type { Config } from './config';
import { migrations } from './infra/migrations';

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class IngestionModule {
  static register(config: Config): DynamicModule {
    return {
      module: IngestionModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'ingestion' }),
        PersistenceModule.forRoot({ url: config.DATABASE_URL, applicationName: 'ingestion', migrations, poolSize: config.DB_POOL_SIZE }),
        MessagingModule.forRoot({
          config: {
            service: 'ingestion',
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
