import type { Clock } from '../ports/clock.port';
import type { Transactions } from '../ports/transactions.port';
import { RESCORE_LEASE_MS, type RescoreChunk } from './rescore-chunk.use-case';

/**
 * Claims re-scoring jobs nobody is running (new ones, or those of a replica that died: their lease
 * expired) and runs them chunk by chunk until none is left or `shouldStop()` says so.
 */
export class RunRescoreJobs {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly chunk: RescoreChunk,
    private readonly leaseMs = RESCORE_LEASE_MS,
  ) {}

  async execute(shouldStop: () => boolean): Promise<number> {
    let jobs = 0;
    while (!shouldStop()) {
      const now = this.clock.now();
      const job = await this.transactions.run((tx) => tx.jobs.claim(now, now + this.leaseMs));
      if (job === undefined) break;
      jobs += 1;
      while (!shouldStop() && (await this.chunk.execute(job.jobId)) === 'more') {
        // each chunk commits on its own
      }
    }
    return jobs;
  }
}
