import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type ReportingTx } from '../../app/ports/transactions.port';
import { reportingTx } from './reporting-tx';

/** HTTP- and job-initiated units of work through libs/messaging's TransactionRunner (state + outbox in one transaction). */
export class RunnerTransactions extends Transactions {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: ReportingTx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run((tx) => work(reportingTx(tx)));
    return result;
  }
}
