import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { given, provideAs, provideClass } from '@smarketing/composition';
import { kafkaClientConfig } from '@smarketing/config';
import { kafkaHandlers, MessagingModule, TransactionRunner } from '@smarketing/messaging';
import { ObservabilityModule } from '@smarketing/observability';
import { PersistenceModule } from '@smarketing/persistence';
import { Clock } from './app/ports/clock.port';
import { Transactions } from './app/ports/transactions.port';
import { CalendarClocks } from './app/sla/calendar-clocks';
import { FireDueTimers } from './app/use-cases/fire-due-timers.use-case';
import { PauseRecord, ResumeRecord } from './app/use-cases/pause-record.use-case';
import { PublishCalendar, PublishPolicy } from './app/use-cases/publish-documents.use-case';
import { GetCalendar, GetPolicy, ListCalendars, ListPolicies } from './app/use-cases/read-documents.use-case';
import { GetAttainment, GetRecord, ListAtRisk } from './app/use-cases/read-records.use-case';
import { SeedDefaults } from './app/use-cases/seed-defaults.use-case';
import type { Config } from './config';
import { DefaultsSeeder } from './infra/bootstrap/defaults-seeder';
import { DocumentsController } from './infra/http/documents.controller';
import { RecordsController } from './infra/http/records.controller';
import { slaMonitorHandlers } from './infra/messaging/sla-monitor-handlers';
import { migrations } from './infra/migrations';
import { RunnerTransactions } from './infra/persistence/runner-transactions';
import { SystemClock } from './infra/system-clock';
import { TIMER_WORKER_OPTIONS, TimerWorker } from './infra/timers/timer-worker';

export type SlaMonitorModuleOptions = {
  /** Replaces the system clock: which timers are due, publication times (tests skip time with it). */
  clock?: Clock;
};

/** The composition root: binds the app's ports to their adapters. */
@Module({})
export class SlaMonitorModule {
  static register(config: Config, options: SlaMonitorModuleOptions = {}): DynamicModule {
    const ports: Provider[] = [
      options.clock ? { provide: Clock, useValue: options.clock } : provideAs(Clock, SystemClock),
      provideAs(Transactions, RunnerTransactions, TransactionRunner),
      // Parsed calendar versions, shared by the consumers, the timer worker and the HTTP use cases.
      provideClass(CalendarClocks),
    ];
    // A use case's dependencies are listed in its constructor's order: ports, other use cases, or
    // given(value) for configuration.
    const useCases: Provider[] = [
      provideClass(FireDueTimers, Transactions, Clock, CalendarClocks, given(config.TIMER_BATCH_SIZE)),
      provideClass(SeedDefaults, Transactions, Clock),
      provideClass(PublishPolicy, Transactions, Clock),
      provideClass(PublishCalendar, Transactions, Clock),
      provideClass(ListPolicies, Transactions),
      provideClass(GetPolicy, Transactions),
      provideClass(ListCalendars, Transactions),
      provideClass(GetCalendar, Transactions),
      provideClass(GetRecord, Transactions, CalendarClocks),
      provideClass(ListAtRisk, Transactions, Clock),
      provideClass(GetAttainment, Transactions),
      provideClass(PauseRecord, Transactions, Clock, CalendarClocks),
      provideClass(ResumeRecord, Transactions, Clock, CalendarClocks),
    ];
    return {
      module: SlaMonitorModule,
      imports: [
        ObservabilityModule.forRoot({ service: 'sla-monitor' }),
        PersistenceModule.forRoot({
          url: config.DATABASE_URL,
          applicationName: 'sla-monitor',
          migrations,
          poolSize: config.DB_POOL_SIZE,
        }),
        MessagingModule.forRoot({
          config: {
            service: 'sla-monitor',
            ...kafkaClientConfig(config),
            registryUrl: config.SCHEMA_REGISTRY_URL,
            groupId: config.CONSUMER_GROUP,
            relayLingerMs: config.OUTBOX_RELAY_LINGER_MS,
            maxBatchSize: config.CONSUMER_MAX_BATCH_SIZE,
            concurrency: config.CONSUMER_CONCURRENCY,
          },
        }),
      ],
      controllers: [DocumentsController, RecordsController],
      providers: [
        ...ports,
        ...useCases,
        kafkaHandlers([CalendarClocks], slaMonitorHandlers),
        DefaultsSeeder,
        {
          provide: TIMER_WORKER_OPTIONS,
          useValue: {
            pollMs: config.TIMER_POLL_MS,
            concurrency: config.TIMER_CONCURRENCY,
            batchSize: config.TIMER_BATCH_SIZE,
            enabled: config.TIMER_WORKER === 'on',
          },
        },
        TimerWorker,
      ],
    };
  }
}
