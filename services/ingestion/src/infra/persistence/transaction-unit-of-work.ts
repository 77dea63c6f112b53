import type { TransactionRunner } from '@smarketing/messaging';
import { UnitOfWork, type IngestionTx } from '../../app/ports/ingestion-tx.port';
import { SqlIngestionTx } from './sql-ingestion-tx';

/** A UnitOfWork on the messaging TransactionRunner: resolves after the outbox rows committed. */
export class TransactionUnitOfWork extends UnitOfWork {
  constructor(private readonly runner: TransactionRunner) {
    super();
  }

  async run<R>(work: (tx: IngestionTx) => Promise<R>): Promise<R> {
    return (await this.runner.run((ctx) => work(new SqlIngestionTx(ctx)))).result;
  }
}
