import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { given, provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { Clock } from './app/ports/clock.port';
import { RoutingMetrics } from './app/ports/routing-metrics.port';
import { Transactions } from './app/ports/transactions.port';
import { CatalogCache } from './app/routing/catalog';
import { RoutingEngine } from './app/routing/routing-engine';
import { ApplyLifecycleChanges } from './app/use-cases/apply-lifecycle-changes.use-case';
import { ApplySlaStatusChanges } from './app/use-cases/apply-sla-status-changes.use-case';
import { ChangeRep } from './app/use-cases/change-rep.use-case';
import { DryRunRules } from './app/use-cases/dry-run-rules.use-case';
import { EraseLeads } from './app/use-cases/erase-leads.use-case';
import { GetLeadRouting } from './app/use-cases/get-lead-routing.use-case';
import { GetPoolState } from './app/use-cases/get-pool-state.use-case';
import { GetRepLoad } from './app/use-cases/get-rep-load.use-case';
import { GetRules } from './app/use-cases/get-rules.use-case';
import { GetSalesOrg } from './app/use-cases/get-sales-org.use-case';
import { ListRules } from './app/use-cases/list-rules.use-case';
import { MergeLeads } from './app/use-cases/merge-leads.use-case';
import { PublishRules } from './app/use-cases/publish-rules.use-case';
import { RecordAccountScores } from './app/use-cases/record-account-scores.use-case';
import { RecordLeadFacts } from './app/use-cases/record-lead-facts.use-case';
import { ReleaseHeldLeads } from './app/use-cases/release-held-leads.use-case';
import { RemoveAccountOwner } from './app/use-cases/remove-account-owner.use-case';
import { SaveAccountOwner } from './app/use-cases/save-account-owner.use-case';
import { SaveRep } from './app/use-cases/save-rep.use-case';
import { SaveTeam } from './app/use-cases/save-team.use-case';
import { SeedBundledDocuments } from './app/use-cases/seed-bundled-documents.use-case';
import type { Config } from './config';
import { datePublicHolidays } from './domain/public-holidays';
import { DocumentSeeder } from './infra/bootstrap/document-seeder';
import { OrgController } from './infra/http/org.controller';
import { RoutingController } from './infra/http/routing.controller';
import { RulesController } from './infra/http/rules.controller';
import { routingHandlers } from './infra/messaging/routing-handlers';
import { migrations } from './infra/migrations';
import { PromRoutingMetrics } from './infra/observability/prom-routing-metrics';
import { RunnerTransactions } from './infra/persistence/runner-transactions';
import { SystemClock } from './infra/system-clock';
import { HELD_TIMER_SETTINGS, HeldLeadWorker, type HeldTimerSettings } from './infra/timers/held-lead-worker';

export type RoutingModuleOptions = {
  /** Replaces the system clock (held-lead timers, publication times); decisions use event time anyway. */
  clock?: Clock;
  /** false: the held-lead worker only fires when `HeldLeadWorker.tick()` is called (tests). */
  heldTimerAutoStart?: boolean;
};

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class RoutingModule {
  static register(config: Config, options: RoutingModuleOptions = {}): DynamicModule {
    const publicHolidays = datePublicHolidays();
    const heldTimer: HeldTimerSettings = {
      intervalMs: config.HELD_TIMER_INTERVAL_MS,
      batchSize: config.HELD_TIMER_BATCH_SIZE,
      autoStart: options.heldTimerAutoStart ?? true,
    };
    const ports: Provider[] = [
      options.clock ? { provide: Clock, useValue: options.clock } : provideAs(Clock, SystemClock),
      provideAs(Transactions, RunnerTransactions, TransactionRunner),
      // The parsed org and rules, per version: shared by the handlers, the timer and the HTTP use cases.
      provideClass(CatalogCache),
      provideAs(RoutingMetrics, PromRoutingMetrics),
      provideClass(RoutingEngine, CatalogCache, given(publicHolidays), RoutingMetrics),
      { provide: HELD_TIMER_SETTINGS, useValue: heldTimer },
    ];
    const useCases: Provider[] = [
      provideClass(ApplyLifecycleChanges, RoutingEngine),
      provideClass(ApplySlaStatusChanges, RoutingEngine, CatalogCache),
      provideClass(RecordLeadFacts),
      provideClass(MergeLeads),
      provideClass(EraseLeads),
      provideClass(RecordAccountScores),
      provideClass(ReleaseHeldLeads, Transactions, Clock, RoutingEngine, given(config.HELD_TIMER_BATCH_SIZE)),
      provideClass(SeedBundledDocuments, Transactions, Clock),
      provideClass(SaveRep, Transactions, Clock),
      provideClass(ChangeRep, Transactions, Clock),
      provideClass(SaveTeam, Transactions, Clock),
      provideClass(SaveAccountOwner, Transactions),
      provideClass(RemoveAccountOwner, Transactions),
      provideClass(GetSalesOrg, Transactions),
      provideClass(PublishRules, Transactions, Clock, CatalogCache),
      provideClass(GetRules, Transactions),
      provideClass(ListRules, Transactions),
      provideClass(
        DryRunRules,
        Transactions,
        CatalogCache,
        given(publicHolidays),
        given(config.DRY_RUN_MAX_LEADS),
      ),
      provideClass(GetLeadRouting, Transactions),
      provideClass(GetPoolState, Transactions),
      provideClass(GetRepLoad, Transactions),
    ];
    return {
      module: RoutingModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'routing' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'routing',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        MessagingModule.forRoot({
          config: {
            service: 'routing',
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
            maxBatchSize: config.CONSUMER_MAX_BATCH_SIZE,
            concurrency: config.CONSUMER_CONCURRENCY,
          },
        }),
      ],
      controllers: [RulesController, OrgController, RoutingController],
      providers: [
        ...ports,
        ...useCases,
        kafkaHandlers(
          [
            ApplyLifecycleChanges,
            ApplySlaStatusChanges,
            RecordLeadFacts,
            MergeLeads,
            EraseLeads,
            RecordAccountScores,
          ],
          routingHandlers,
        ),
        DocumentSeeder,
        HeldLeadWorker,
      ],
    };
  }
}
