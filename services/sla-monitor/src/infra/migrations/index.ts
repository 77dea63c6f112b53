import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { SlaMonitorTables1796290000000 } from './1796290000000-sla-monitor-tables';
import { SlaMonitorErasedLeads1796600000000 } from './1796600000000-sla-monitor-erased-leads';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  ...MESSAGING_MIGRATIONS,
  SlaMonitorTables1796290000000,
  SlaMonitorErasedLeads1796600000000,
];
