import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import type { Config } from './config';
import { migrations } from './infra/migrations';

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class __Name__Module {
  static register(config: Config): DynamicModule {
    return {
      module: __Name__Module,
      imports: [
        ObservabilityModule.forRoot({ service: '__name__' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: '__name__',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        MessagingModule.forRoot({
          config: {
            service: '__name__',
            brokers: config.KAFKA_BROKERS,
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
          },
          handlers: [],
        }),
      ],
      controllers: [],
      providers: [],
    };
  }
}
