import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { SlaMonitorTables1796290000000 } from './1796290000000-sla-monitor-tables';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [...MESSAGING_MIGRATIONS, SlaMonitorTables1796290000000];
