import { DashboardController } from './dashboard.controller';
import { PageController } from './page.controller';
import { PlanningController } from './planning.controller';
import { SessionController } from './session.controller';
import { StreamController } from './stream.controller';

/** Every controller of the service's HTTP API and page, in the module and in the specs alike. */
export const httpControllers = [
  DashboardController,
  PlanningController,
  StreamController,
  SessionController,
  PageController,
];
