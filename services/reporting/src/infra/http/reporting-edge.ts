import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import { translateQueryError } from './query-errors';
import { registerSessionCookie } from './session-cookie';
import { SessionVerifier } from './session.verifier';
import { webProviders } from './web.providers';

export type EdgeOptions = {
  /** The sessions' clock (specs move it past an expiry). */
  readonly now?: () => number;
  /** How often the live stream asks the read models whether they moved. */
  readonly pollMs?: number;
};

/**
 * The platform's HTTP edge around a module that provides the read side (DashboardQueries,
 * ReviewCommands) and lists the controllers: ReportingModule in the service, a module of fakes in
 * the unit specs. It adds the page's pieces (sessions, assets, the stream's feed) and the cookie.
 */
export async function createReportingEdge(
  module: DynamicModule,
  config: Config,
  options: EdgeOptions = {},
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(
    { ...module, providers: [...(module.providers ?? []), ...webProviders(config, options)] },
    {
      logger: createLogger({ service: 'reporting', level: config.LOG_LEVEL }),
      bodyLimitBytes: 1_048_576,
      apiKeys: config.API_KEYS,
      // A session token also works as a Bearer credential; browsers send it as the cookie instead.
      verifiers: [SessionVerifier],
      translateError: translateQueryError,
      openApi: {
        title: 'Smarketing reporting',
        version: '1.0.0',
        description:
          'The shared dashboard of sales and marketing (metrics, targets, owners, funnel, SLA attainment, lead quality), the weekly smarketing review, and the page that shows them.',
      },
    },
  );
  registerSessionCookie(
    app.getHttpAdapter().getInstance() as unknown as FastifyInstance,
    app.get(SessionVerifier),
  );
  return app;
}
