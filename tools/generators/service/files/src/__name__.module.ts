import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { Transactions } from './app/ports/transactions.port';
import { GetLead } from './app/use-cases/get-lead.use-case';
import { RecordLeads } from './app/use-cases/record-leads.use-case';
import type { Config } from './config';
import { LeadsController } from './infra/http/leads.controller';
import { __nameCamel__Handlers } from './infra/messaging/__name__-handlers';
import { migrations } from './infra/migrations';
import { RunnerTransactions } from './infra/persistence/runner-transactions';

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class __Name__Module {
  static register(config: Config): DynamicModule {
    const ports: Provider[] = [provideAs(Transactions, RunnerTransactions, TransactionRunner)];
    // A use case's dependencies are listed in its constructor's order: ports, other use cases, or
    // given(value) for configuration (provideClass(X, Transactions, given(config.X_LIMIT))).
    const useCases: Provider[] = [provideClass(RecordLeads), provideClass(GetLead, Transactions)];
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
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
          },
        }),
      ],
      controllers: [LeadsController],
      providers: [...ports, ...useCases, kafkaHandlers([RecordLeads], __nameCamel__Handlers)],
    };
  }
}
