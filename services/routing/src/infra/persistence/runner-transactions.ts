import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type RoutingTx } from '../../app/ports/transactions.port';
import { routingTx } from './routing-tx';

/** HTTP- and job-initiated units of work through libs/messaging's TransactionRunner (state + outbox in one transaction). */
export class RunnerTransactions extends Transactions {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run((tx) => work(routingTx(tx)));
    return result;
  }

  async read<R>(work: (tx: RoutingTx) => Promise<R>): Promise<R> {
    const { result } = await this.runner.run(async (tx) => {
      // PostgreSQL refuses any write from here on: a dry run cannot change a thing, even by mistake.
      await tx.query('SET TRANSACTION READ ONLY');
      return work(routingTx(tx));
    });
    return result;
  }
}
