import { randomUUID } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import { TransactionRunner } from '@smarketing/messaging';
import { Clock } from '../app/ports/clock.port';
import { RescoreScheduler } from '../app/ports/rescore-scheduler.port';
import { Transactions } from '../app/ports/transactions.port';
import { CompareScoringModels } from '../app/use-cases/compare-scoring-models.use-case';
import { GetLeadScore } from '../app/use-cases/get-lead-score.use-case';
import { GetModelVersion } from '../app/use-cases/get-model-version.use-case';
import { GetRescoreJob } from '../app/use-cases/get-rescore-job.use-case';
import { ListModels } from '../app/use-cases/list-models.use-case';
import { PublishModel } from '../app/use-cases/publish-model.use-case';
import { RescoreChunk } from '../app/use-cases/rescore-chunk.use-case';
import { RunRescoreJobs } from '../app/use-cases/run-rescore-jobs.use-case';
import { SeedBundledModels } from '../app/use-cases/seed-bundled-models.use-case';
import { ModelCache } from './persistence/model-cache';
import { RunnerTransactions } from './persistence/runner-transactions';
import { RescoreWorker } from './rescore/rescore-worker';

/** Ports bound to adapters, and the HTTP/job use cases built on them. */
export const useCaseProviders = (options: { clock: Clock; rescoreChunkSize: number }): Provider[] => [
  { provide: Clock, useValue: options.clock },
  {
    provide: Transactions,
    useFactory: (runner: TransactionRunner, cache: ModelCache) => new RunnerTransactions(runner, cache),
    inject: [TransactionRunner, ModelCache],
  },
  {
    provide: RescoreChunk,
    useFactory: (t: Transactions, c: Clock) => new RescoreChunk(t, c, options.rescoreChunkSize),
    inject: [Transactions, Clock],
  },
  {
    provide: RunRescoreJobs,
    useFactory: (t: Transactions, c: Clock, chunk: RescoreChunk) => new RunRescoreJobs(t, c, chunk),
    inject: [Transactions, Clock, RescoreChunk],
  },
  RescoreWorker,
  { provide: RescoreScheduler, useExisting: RescoreWorker },
  {
    provide: SeedBundledModels,
    useFactory: (t: Transactions, c: Clock) => new SeedBundledModels(t, c),
    inject: [Transactions, Clock],
  },
  {
    provide: PublishModel,
    useFactory: (t: Transactions, c: Clock, s: RescoreScheduler) => new PublishModel(t, c, s, randomUUID),
    inject: [Transactions, Clock, RescoreScheduler],
  },
  { provide: ListModels, useFactory: (t: Transactions) => new ListModels(t), inject: [Transactions] },
  {
    provide: GetModelVersion,
    useFactory: (t: Transactions) => new GetModelVersion(t),
    inject: [Transactions],
  },
  { provide: GetRescoreJob, useFactory: (t: Transactions) => new GetRescoreJob(t), inject: [Transactions] },
  { provide: GetLeadScore, useFactory: (t: Transactions) => new GetLeadScore(t), inject: [Transactions] },
  {
    provide: CompareScoringModels,
    useFactory: (t: Transactions, c: Clock) => new CompareScoringModels(t, c),
    inject: [Transactions, Clock],
  },
];
