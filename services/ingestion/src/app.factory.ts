import rateLimit from '@fastify/rate-limit';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createLogger,
  isPublicRoute,
  PinoNestLogger,
  registerHttpObservability,
} from '@smarketing/observability';
import type { FastifyInstance } from 'fastify';
import { AuthenticateUseCase } from './app/keys/authenticate.use-case';
import type { Config } from './config';
import { IngestionModule } from './ingestion.module';
import { registerCredentialHook } from './infra/http/auth/credential.hook';
import { registerContentDecoding } from './infra/http/body/content-encoding.hook';
import { registerJsonBodyParser } from './infra/http/body/json-body.parser';
import { HttpErrorFilter } from './infra/http/http-error.filter';
import { httpErrorOf } from './infra/http/http-error.mapper';

/** Builds the Nest app on Fastify; used by main.ts and by the integration tests. */
export async function createApp(config: Config): Promise<NestFastifyApplication> {
  const logger = createLogger({ service: 'ingestion', level: config.LOG_LEVEL });
  const adapter = new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES });
  registerHttpObservability(adapter.getInstance(), logger);
  const app = await NestFactory.create<NestFastifyApplication>(IngestionModule.register(config), adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: false, // ours, below
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // Content-Encoding is undone first, so the body limit and the parser see the decoded bytes.
  registerContentDecoding(fastify, config.BODY_LIMIT_BYTES);
  registerJsonBodyParser(fastify);
  // Errors raised before a route runs (body parsing, size, rate limit) get the same mapping as route errors.
  fastify.setErrorHandler((error, _request, reply) => {
    const mapped = httpErrorOf(error);
    if (mapped.server) logger.error({ err: error }, 'request failed for a server-side reason');
    void reply.status(mapped.status).headers(mapped.headers).send(mapped.body);
  });
  registerCredentialHook(fastify, app.get(AuthenticateUseCase));
  await app.register(rateLimit as never, {
    global: true,
    hook: 'preHandler',
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    max: (request: { principal?: { rateLimitPerWindow: number | null } }) =>
      request.principal?.rateLimitPerWindow ?? config.RATE_LIMIT_MAX,
    keyGenerator: (request: { principal?: { source: string }; ip: string }) =>
      request.principal ? `source:${request.principal.source}` : `ip:${request.ip}`,
    allowList: (request: { url: string }) => isPublicRoute(request.url),
    errorResponseBuilder: (_request: unknown, context: { max: number; after: string }) => ({
      statusCode: 429,
      message: `rate limit of ${context.max} requests per ${context.after} exceeded for this source`,
    }),
  });
  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.enableShutdownHooks();
  return app;
}
