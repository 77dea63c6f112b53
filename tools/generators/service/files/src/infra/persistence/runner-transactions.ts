import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type __Name__Tx } from '../../app/ports/transactions.port';
import { __nameCamel__Tx } from './__name__-tx';

/** HTTP- and job-initiated units of work through libs/messaging's TransactionRunner (state + outbox in one transaction). */
export class RunnerTransactions extends Transactions {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: __Name__Tx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run((tx) => work(__nameCamel__Tx(tx)));
    return result;
  }
}
