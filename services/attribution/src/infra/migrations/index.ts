import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { AttributionTables1796300000000 } from './1796300000000-attribution-tables';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [...MESSAGING_MIGRATIONS, AttributionTables1796300000000];
