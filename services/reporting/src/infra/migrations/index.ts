import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';
import { ReportingReadModels1796313589981 } from './1796313589981-reporting-read-models';
import { ReportingCube1796349533985 } from './1796349533985-reporting-cube';
import { ReportingAccountActivity1796408629161 } from './1796408629161-reporting-account-activity';
import { ReportingCubeByMetric1796410000000 } from './1796410000000-reporting-cube-by-metric';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [
  ...MESSAGING_MIGRATIONS,
  ReportingReadModels1796313589981,
  ReportingCube1796349533985,
  ReportingAccountActivity1796408629161,
  ReportingCubeByMetric1796410000000,
];
