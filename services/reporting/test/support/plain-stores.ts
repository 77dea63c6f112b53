import type { TxContext } from '@smarketing/messaging';
import type { TestDatabase } from '@smarketing/testing';
import type { ReportingTx } from '../../src/app/ports/transactions.port';
import { reportingTx } from '../../src/infra/persistence/reporting-tx';

/**
 * The service's PostgreSQL stores over plain statements on a test database: no consumer, no
 * transaction around them, nothing published (for bulk loads and store-level tests).
 */
export function plainStores(db: TestDatabase): ReportingTx {
  const refuse = () => {
    throw new Error('the plain stores publish nothing');
  };
  const tx: TxContext = {
    query: (sql, params) => db.query(typeof sql === 'string' ? sql : sql.text, params),
    publish: refuse,
    tombstone: refuse,
  };
  return reportingTx(tx);
}
