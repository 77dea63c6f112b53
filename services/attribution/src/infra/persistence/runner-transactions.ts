import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type AttributionTx } from '../../app/ports/transactions.port';
import { attributionTx } from './attribution-tx';

/** HTTP- and job-initiated units of work through libs/messaging's TransactionRunner (state + outbox in one transaction). */
export class RunnerTransactions extends Transactions {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: AttributionTx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run((tx) => work(attributionTx(tx)));
    return result;
  }
}
