import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { IngestionTables1764300000000 } from './1764300000000-ingestion-tables';
import { IdempotencyBrin1766500000000 } from './1766500000000-idempotency-brin';
import { IdempotencyByEventId1766600000000 } from './1766600000000-idempotency-by-event-id';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  ...MESSAGING_MIGRATIONS,
  IngestionTables1764300000000,
  IdempotencyBrin1766500000000,
  IdempotencyByEventId1766600000000,
];
