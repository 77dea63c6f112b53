import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { RoutingTables1796287483408 } from './1796287483408-routing-tables';
import { RoutingAccountScores1796346807443 } from './1796346807443-routing-account-scores';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  ...MESSAGING_MIGRATIONS,
  RoutingTables1796287483408,
  RoutingAccountScores1796346807443,
];
