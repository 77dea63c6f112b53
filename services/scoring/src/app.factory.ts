import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, PinoNestLogger, registerHttpObservability } from '@smarketing/observability';
import type { Config } from './config';
import { ScoringModule, type ScoringModuleOptions } from './scoring.module';

/** Builds the Nest app on Fastify; used by main.ts and by the integration tests. */
export async function createApp(
  config: Config,
  options: ScoringModuleOptions = {},
): Promise<NestFastifyApplication> {
  const logger = createLogger({ service: 'scoring', level: config.LOG_LEVEL });
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576 });
  registerHttpObservability(adapter.getInstance(), logger);
  const app = await NestFactory.create<NestFastifyApplication>(
    ScoringModule.register(config, options),
    adapter,
    {
      logger: new PinoNestLogger(logger),
    },
  );
  app.enableShutdownHooks();
  return app;
}
