import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { ReportingReadModels1796313589981 } from './1796313589981-reporting-read-models';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [...MESSAGING_MIGRATIONS, ReportingReadModels1796313589981];
