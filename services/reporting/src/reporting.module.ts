import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { given, provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import type { DashboardSettings } from './app/dashboard/dashboard-settings';
import { Transactions } from './app/ports/transactions.port';
import { DashboardQueries, ReviewCommands } from './app/queries';
import { ReportingCommands } from './app/reporting-commands';
import { ReportingQueries } from './app/reporting-queries';
import type { RollupSettings } from './app/rollup/rollup-settings';
import { AddActionItem } from './app/use-cases/add-action-item.use-case';
import { CompleteActionItem } from './app/use-cases/complete-action-item.use-case';
import { EraseLeads } from './app/use-cases/erase-leads.use-case';
import { GetDashboard } from './app/use-cases/get-dashboard.use-case';
import { GetFilterOptions } from './app/use-cases/get-filter-options.use-case';
import { GetFreshness } from './app/use-cases/get-freshness.use-case';
import { GetRebuildStatus } from './app/use-cases/get-rebuild-status.use-case';
import { GetWeeklyReview } from './app/use-cases/get-weekly-review.use-case';
import { MergeLeads } from './app/use-cases/merge-leads.use-case';
import { RecordAccountScores } from './app/use-cases/record-account-scores.use-case';
import { RecordAssignments } from './app/use-cases/record-assignments.use-case';
import { RecordCosts } from './app/use-cases/record-costs.use-case';
import { RecordCredits } from './app/use-cases/record-credits.use-case';
import { RecordDispositions } from './app/use-cases/record-dispositions.use-case';
import { RecordLeads } from './app/use-cases/record-leads.use-case';
import { RecordLifecycle } from './app/use-cases/record-lifecycle.use-case';
import { RecordOpportunities } from './app/use-cases/record-opportunities.use-case';
import { RecordProfiles } from './app/use-cases/record-profiles.use-case';
import { RecordSalesActivities } from './app/use-cases/record-sales-activities.use-case';
import { RecordScores } from './app/use-cases/record-scores.use-case';
import { RecordSlaStatuses } from './app/use-cases/record-sla-statuses.use-case';
import { RecordTouchpoints } from './app/use-cases/record-touchpoints.use-case';
import { RecordVolumeEvaluations } from './app/use-cases/record-volume-evaluations.use-case';
import { SetTargets } from './app/use-cases/set-targets.use-case';
import type { Config } from './config';
import { httpControllers } from './infra/http/controllers';
import { reportingHandlers } from './infra/messaging/reporting-handlers';
import { migrations } from './infra/migrations';
import { RunnerTransactions } from './infra/persistence/runner-transactions';

/** The Kafka-side use cases, in the order reportingHandlers takes them. */
const TOPIC_USE_CASES = [
  RecordLeads,
  RecordProfiles,
  RecordTouchpoints,
  RecordSalesActivities,
  RecordDispositions,
  RecordOpportunities,
  RecordCosts,
  MergeLeads,
  EraseLeads,
  RecordScores,
  RecordLifecycle,
  RecordAccountScores,
  RecordAssignments,
  RecordSlaStatuses,
  RecordVolumeEvaluations,
  RecordCredits,
] as const;

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class ReportingModule {
  static register(config: Config): DynamicModule {
    const rollup: RollupSettings = { currency: config.REPORTING_CURRENCY };
    const dashboard: DashboardSettings = {
      currency: config.REPORTING_CURRENCY,
      minorPerUnit: config.REPORTING_MINOR_PER_UNIT,
      customerLifeMonths: config.REPORTING_CUSTOMER_LIFE_MONTHS,
    };
    const ports: Provider[] = [provideAs(Transactions, RunnerTransactions, TransactionRunner)];
    // A use case's dependencies are listed in its constructor's order: ports, other use cases, or
    // given(value) for configuration (provideClass(X, Transactions, given(config.X_LIMIT))).
    const useCases: Provider[] = [
      provideClass(RecordLeads, given(rollup)),
      provideClass(RecordProfiles),
      provideClass(RecordTouchpoints, given(rollup)),
      provideClass(RecordSalesActivities, given(rollup)),
      provideClass(RecordDispositions, given(rollup)),
      provideClass(RecordOpportunities, given(rollup)),
      provideClass(RecordCosts, given(rollup)),
      provideClass(MergeLeads, given(rollup)),
      provideClass(EraseLeads),
      provideClass(RecordScores, given(rollup)),
      provideClass(RecordLifecycle, given(rollup)),
      provideClass(RecordAccountScores),
      provideClass(RecordAssignments, given(rollup)),
      provideClass(RecordSlaStatuses),
      provideClass(RecordVolumeEvaluations),
      provideClass(RecordCredits, given(rollup)),
      provideClass(GetDashboard, Transactions, given(dashboard)),
      provideClass(GetFilterOptions, Transactions),
      provideClass(GetWeeklyReview, Transactions, given(dashboard)),
      provideClass(GetFreshness, Transactions),
      provideClass(GetRebuildStatus, Transactions),
      provideClass(SetTargets, Transactions),
      provideClass(AddActionItem, Transactions),
      provideClass(CompleteActionItem, Transactions),
      provideAs(
        DashboardQueries,
        ReportingQueries,
        GetDashboard,
        GetFilterOptions,
        GetWeeklyReview,
        GetFreshness,
        GetRebuildStatus,
      ),
      provideAs(ReviewCommands, ReportingCommands, SetTargets, AddActionItem, CompleteActionItem),
    ];
    return {
      module: ReportingModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'reporting' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'reporting',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        MessagingModule.forRoot({
          config: {
            service: 'reporting',
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
          },
        }),
      ],
      controllers: httpControllers,
      providers: [...ports, ...useCases, kafkaHandlers([...TOPIC_USE_CASES], reportingHandlers)],
    };
  }
}
