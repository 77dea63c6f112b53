import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@smarketing/http';
import { createLogger } from '@smarketing/observability';
import type { Config } from './config';
import { __Name__Module } from './__name__.module';

/** Builds the Nest app on the platform's HTTP edge; used by main.ts and by the integration tests. */
export async function createApp(config: Config): Promise<NestFastifyApplication> {
  return createHttpApp(__Name__Module.register(config), {
    logger: createLogger({ service: '__name__', level: config.LOG_LEVEL }),
    bodyLimitBytes: 1_048_576,
    apiKeys: config.API_KEYS,
    openApi: {
      title: 'Smarketing __name__',
      version: '1.0.0',
      description: 'The leads the __name__ service has seen.',
    },
  });
}
