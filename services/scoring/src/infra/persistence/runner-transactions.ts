import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type ScoringTx } from '../../app/ports/transactions.port';
import type { ModelCache } from './model-cache';
import { scoringTx } from './scoring-tx';

/** HTTP- and job-initiated units of work through libs/messaging's TransactionRunner (state + outbox in one transaction). */
export class RunnerTransactions extends Transactions {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly cache: ModelCache,
  ) {
    super();
  }

  async run<R>(work: (tx: ScoringTx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run((tx) => work(scoringTx(tx, this.cache)));
    return result;
  }
}
