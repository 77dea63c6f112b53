import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { ReportingReadModels1796313589981 } from './1796313589981-reporting-read-models';
import { ReportingCube1796349533985 } from './1796349533985-reporting-cube';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  ...MESSAGING_MIGRATIONS,
  ReportingReadModels1796313589981,
  ReportingCube1796349533985,
];
