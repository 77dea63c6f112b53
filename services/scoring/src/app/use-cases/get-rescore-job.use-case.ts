import type { RescoreJob } from '../ports/rescore-job-store.port';
import type { Transactions } from '../ports/transactions.port';

/** Progress of the re-scoring started by a model publication. */
export class GetRescoreJob {
  constructor(private readonly transactions: Transactions) {}

  execute(jobId: string): Promise<RescoreJob | undefined> {
    return this.transactions.run((tx) => tx.jobs.get(jobId));
  }
}
