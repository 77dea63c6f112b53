import type { TransactionRunner } from '@smarketing/messaging';
import { Transactions, type IngestionTx } from '../../app/ports/transactions.port';
import { ingestionTx } from './ingestion-tx';

/** HTTP-initiated units of work through libs/messaging's TransactionRunner: resolve after the outbox rows committed. */
export class RunnerTransactions extends Transactions {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: IngestionTx) => Promise<R>): Promise<R> {
    return (await this.runner.run((ctx) => work(ingestionTx(ctx)))).result;
  }
}
