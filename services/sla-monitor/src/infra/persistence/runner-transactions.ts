import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type SlaMonitorTx } from '../../app/ports/transactions.port';
import { slaMonitorTx } from './sla-monitor-tx';

/** HTTP- and job-initiated units of work through libs/messaging's TransactionRunner (state + outbox in one transaction). */
export class RunnerTransactions extends Transactions {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: SlaMonitorTx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run((tx) => work(slaMonitorTx(tx)));
    return result;
  }
}
