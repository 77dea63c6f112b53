import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { Config } from './config';
import { RoutingModule, type RoutingModuleOptions } from './routing.module';

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(
  config: Config,
  options: RoutingModuleOptions = {},
): Promise<NestFastifyApplication> {
  return createHttpApp(RoutingModule.register(config, options), {
    logger: createLogger({ service: 'routing', level: config.LOG_LEVEL }),
    bodyLimitBytes: 1_048_576,
    apiKeys: config.API_KEYS,
    openApi: {
      title: 'Smarketing routing',
      version: '1.0.0',
      description:
        'The sales org, routing rules (publish, dry run), assignments with their traces, pool state and load per rep.',
    },
  });
}
