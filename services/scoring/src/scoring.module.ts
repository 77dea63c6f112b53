import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { given, provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { Clock } from './app/ports/clock.port';
import { RescoreScheduler } from './app/ports/rescore-scheduler.port';
import { Transactions } from './app/ports/transactions.port';
import { ApplyDispositions } from './app/use-cases/apply-dispositions.use-case';
import { ApplyOpportunityUpdates } from './app/use-cases/apply-opportunity-updates.use-case';
import { CompareScoringModels } from './app/use-cases/compare-scoring-models.use-case';
import { EraseLeads } from './app/use-cases/erase-leads.use-case';
import { GetAccount } from './app/use-cases/get-account.use-case';
import { GetIcpVersion } from './app/use-cases/get-icp-version.use-case';
import { GetLeadScore } from './app/use-cases/get-lead-score.use-case';
import { GetModelVersion } from './app/use-cases/get-model-version.use-case';
import { GetRescoreJob } from './app/use-cases/get-rescore-job.use-case';
import { ListAccounts } from './app/use-cases/list-accounts.use-case';
import { ListIcps } from './app/use-cases/list-icps.use-case';
import { ListModels } from './app/use-cases/list-models.use-case';
import { MergeLeads } from './app/use-cases/merge-leads.use-case';
import { PublishIcp } from './app/use-cases/publish-icp.use-case';
import { PublishModel } from './app/use-cases/publish-model.use-case';
import { RecordTouchpoints } from './app/use-cases/record-touchpoints.use-case';
import { RescoreChunk } from './app/use-cases/rescore-chunk.use-case';
import { RunBacktest } from './app/use-cases/run-backtest.use-case';
import { RunRescoreJobs } from './app/use-cases/run-rescore-jobs.use-case';
import { RollUpAccounts } from './app/use-cases/roll-up-accounts.use-case';
import { SeedBundledIcps } from './app/use-cases/seed-bundled-icps.use-case';
import { SeedBundledModels } from './app/use-cases/seed-bundled-models.use-case';
import { UpsertProfiles } from './app/use-cases/upsert-profiles.use-case';
import type { Config } from './config';
import { ModelSeeder } from './infra/bootstrap/model-seeder';
import { AccountsController } from './infra/http/accounts.controller';
import { BacktestsController } from './infra/http/backtests.controller';
import { IcpsController } from './infra/http/icps.controller';
import { LeadsController } from './infra/http/leads.controller';
import { ModelsController } from './infra/http/models.controller';
import { scoringHandlers } from './infra/messaging/scoring-handlers';
import { migrations } from './infra/migrations';
import { ModelCache } from './infra/persistence/model-cache';
import { RunnerTransactions } from './infra/persistence/runner-transactions';
import { RescoreWorker } from './infra/rescore/rescore-worker';
import { ACCOUNT_ROLLUP_INTERVAL, AccountRollUpWorker } from './infra/accounts/account-roll-up-worker';
import { SystemClock } from './infra/system-clock';

export type ScoringModuleOptions = {
  /** Replaces the system clock (publication times, job leases); business rules use event time anyway. */
  clock?: Clock;
};

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class ScoringModule {
  static register(config: Config, options: ScoringModuleOptions = {}): DynamicModule {
    const ports: Provider[] = [
      options.clock ? { provide: Clock, useValue: options.clock } : provideAs(Clock, SystemClock),
      // The parsed-model cache, shared by the Kafka handlers and the HTTP use cases.
      provideClass(ModelCache),
      provideAs(Transactions, RunnerTransactions, TransactionRunner, ModelCache),
      RescoreWorker,
      { provide: RescoreScheduler, useExisting: RescoreWorker },
      { provide: ACCOUNT_ROLLUP_INTERVAL, useValue: config.ACCOUNT_ROLLUP_INTERVAL_MS },
      AccountRollUpWorker,
    ];
    const useCases: Provider[] = [
      // Kafka-side: execute(events, tx) in the consumer's transaction (see infra/messaging/scoring-handlers.ts).
      provideClass(UpsertProfiles),
      provideClass(RecordTouchpoints),
      provideClass(ApplyDispositions),
      provideClass(ApplyOpportunityUpdates),
      provideClass(MergeLeads),
      provideClass(EraseLeads),
      // HTTP- and job-side: execute(input) in their own transaction through Transactions.
      provideClass(RescoreChunk, Transactions, Clock, given(config.RESCORE_CHUNK_SIZE)),
      provideClass(RunRescoreJobs, Transactions, Clock, RescoreChunk),
      provideClass(SeedBundledModels, Transactions, Clock),
      provideClass(PublishModel, Transactions, Clock, RescoreScheduler, given(randomUUID)),
      provideClass(ListModels, Transactions),
      provideClass(GetModelVersion, Transactions),
      provideClass(GetRescoreJob, Transactions),
      provideClass(GetLeadScore, Transactions),
      provideClass(CompareScoringModels, Transactions, Clock),
      provideClass(SeedBundledIcps, Transactions, Clock),
      provideClass(PublishIcp, Transactions, Clock),
      provideClass(ListIcps, Transactions),
      provideClass(GetIcpVersion, Transactions),
      provideClass(GetAccount, Transactions),
      provideClass(ListAccounts, Transactions),
      provideClass(RunBacktest, Transactions),
      provideClass(RollUpAccounts, Transactions, given(config.ACCOUNT_ROLLUP_BATCH_SIZE)),
    ];
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
        MessagingModule.forRoot({
          config: {
            service: 'scoring',
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
            maxBatchSize: config.CONSUMER_MAX_BATCH_SIZE,
            concurrency: config.CONSUMER_CONCURRENCY,
          },
        }),
      ],
      controllers: [
        ModelsController,
        LeadsController,
        IcpsController,
        AccountsController,
        BacktestsController,
      ],
      providers: [
        ...ports,
        ...useCases,
        kafkaHandlers(
          [
            ModelCache,
            UpsertProfiles,
            RecordTouchpoints,
            ApplyDispositions,
            ApplyOpportunityUpdates,
            MergeLeads,
            EraseLeads,
          ],
          scoringHandlers,
        ),
        ModelSeeder,
      ],
    };
  }
}
