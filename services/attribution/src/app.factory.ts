import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { Config } from './config';
import { AttributionModule } from './attribution.module';

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(config: Config): Promise<NestFastifyApplication> {
  return createHttpApp(AttributionModule.register(config), {
    logger: createLogger({ service: 'attribution', level: config.LOG_LEVEL }),
    bodyLimitBytes: 1_048_576,
    apiKeys: config.API_KEYS,
    openApi: {
      title: 'Smarketing attribution',
      version: '1.0.0',
      description:
        'Revenue and conversions credited to channels and campaigns under every attribution model.',
    },
  });
}
