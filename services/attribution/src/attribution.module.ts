import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { Recredit } from './app/credit/recredit';
import { Clock } from './app/ports/clock.port';
import { Transactions } from './app/ports/transactions.port';
import { ApplyLifecycle } from './app/use-cases/apply-lifecycle.use-case';
import { ApplyOpportunities } from './app/use-cases/apply-opportunities.use-case';
import { CreditsByPeriod } from './app/use-cases/credits-by-period.use-case';
import { DataDrivenByPeriod } from './app/use-cases/data-driven-by-period.use-case';
import { EraseLeads } from './app/use-cases/erase-leads.use-case';
import { GetConversionCredits } from './app/use-cases/get-conversion-credits.use-case';
import { ListSettings } from './app/use-cases/get-settings.use-case';
import { MergeLeads } from './app/use-cases/merge-leads.use-case';
import { PreviewCredits } from './app/use-cases/preview-credits.use-case';
import { PublishDataDrivenCredits } from './app/use-cases/publish-data-driven-credits.use-case';
import { PublishSettings } from './app/use-cases/publish-settings.use-case';
import { RecordCosts } from './app/use-cases/record-costs.use-case';
import { RecordSalesActivities } from './app/use-cases/record-sales-activities.use-case';
import { RecordTouchpoints } from './app/use-cases/record-touchpoints.use-case';
import { SeedBundledSettings } from './app/use-cases/seed-bundled-settings.use-case';
import { SpendReport } from './app/use-cases/spend-report.use-case';
import { UpsertLeads } from './app/use-cases/upsert-leads.use-case';
import type { Config } from './config';
import { SettingsSeeder } from './infra/bootstrap/settings-seeder';
import { CreditsController } from './infra/http/credits.controller';
import { SettingsController } from './infra/http/settings.controller';
import { attributionHandlers } from './infra/messaging/attribution-handlers';
import { migrations } from './infra/migrations';
import { RunnerTransactions } from './infra/persistence/runner-transactions';
import { SystemClock } from './infra/system-clock';

export type AttributionModuleOptions = {
  /** Replaces the system clock (publication times of settings); credits use event time anyway. */
  clock?: Clock;
};

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class AttributionModule {
  static register(config: Config, options: AttributionModuleOptions = {}): DynamicModule {
    const ports: Provider[] = [
      options.clock ? { provide: Clock, useValue: options.clock } : provideAs(Clock, SystemClock),
      provideAs(Transactions, RunnerTransactions, TransactionRunner),
    ];
    const consumers = [
      RecordTouchpoints,
      RecordSalesActivities,
      UpsertLeads,
      ApplyLifecycle,
      ApplyOpportunities,
      RecordCosts,
      MergeLeads,
      EraseLeads,
    ] as const;
    const useCases: Provider[] = [
      provideClass(Recredit),
      provideClass(RecordTouchpoints, Recredit),
      provideClass(RecordSalesActivities, Recredit),
      provideClass(UpsertLeads, Recredit),
      provideClass(ApplyLifecycle, Recredit),
      provideClass(ApplyOpportunities, Recredit),
      provideClass(RecordCosts),
      provideClass(MergeLeads, Recredit),
      provideClass(EraseLeads),
      provideClass(SeedBundledSettings, Transactions, Clock),
      provideClass(PublishSettings, Transactions, Clock),
      provideClass(ListSettings, Transactions),
      provideClass(GetConversionCredits, Transactions),
      provideClass(CreditsByPeriod, Transactions),
      provideClass(DataDrivenByPeriod, Transactions),
      provideClass(SpendReport, Transactions),
      provideClass(PreviewCredits, Transactions),
      provideClass(PublishDataDrivenCredits, Transactions, DataDrivenByPeriod),
    ];
    return {
      module: AttributionModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'attribution' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'attribution',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        MessagingModule.forRoot({
          config: {
            service: 'attribution',
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
            maxBatchSize: config.CONSUMER_MAX_BATCH_SIZE,
            concurrency: config.CONSUMER_CONCURRENCY,
          },
        }),
      ],
      controllers: [CreditsController, SettingsController],
      providers: [...ports, ...useCases, kafkaHandlers([...consumers], attributionHandlers), SettingsSeeder],
    };
  }
}
