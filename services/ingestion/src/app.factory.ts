import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLogger, PinoNestLogger, registerHttpObservability } from '@smarketing/observability';
import type { Config } from './config';
import { IngestionModule } from './ingestion.module';

/** Builds the Nest app on Fastify; used by main.ts and by the integration tests. */
export async function createApp(config: Config): Promise<NestFastifyApplication> {
  const logger = createLogger({ service: 'ingestion', level: config.LOG_LEVEL });
  const adapter = new FastifyAdapter({ bodyLimit: 1_048_576 });
  registerHttpObservability(adapter.getInstance(), logger);
  const app = await NestFactory.create<NestFastifyApplication>(IngestionModule.register(config), adapter, {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  return app;
}
