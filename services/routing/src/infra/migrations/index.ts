import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { RoutingTables1796287483408 } from './1796287483408-routing-tables';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [...MESSAGING_MIGRATIONS, RoutingTables1796287483408];
