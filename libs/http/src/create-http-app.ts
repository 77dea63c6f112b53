import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoNestLogger, registerHttpObservability, type Logger } from '@smarketing/observability';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiKeysVerifier } from './auth/api-keys.verifier';
import { registerCredentialHook } from './auth/credential.hook';
import { CredentialVerifier } from './auth/credential-verifier';
import { ScopesGuard } from './auth/scopes.guard';
import { registerContentDecoding } from './body/content-encoding.hook';
import { registerJsonBodyParser } from './body/json-body.parser';
import { HttpErrorFilter, type ErrorTranslator } from './errors/http-error.filter';
import type { OpenApiInfo } from './openapi/openapi.builder';
import {
  controllersOf,
  OPENAPI_OPTIONS,
  OpenApiController,
  type OpenApiOptions,
} from './openapi/openapi.controller';
import { routeTableOf } from './openapi/route-table';
import { registerRateLimit, type RateLimitOptions } from './rate-limit';
import { RouteInputInterceptor } from './validation/route-input.interceptor';

/** A verifier instance, or the provider token of one in the service's module. */
export type VerifierRef = CredentialVerifier | (abstract new (...args: never[]) => CredentialVerifier);

export type HttpAppOptions = {
  readonly logger: Logger;
  /** Largest accepted request body, counted after gzip decompression. */
  readonly bodyLimitBytes: number;
  /** The API_KEYS value, as libs/config's platformEnv read it: parsed and hashed here, at start-up. */
  readonly apiKeys: string;
  /** The service's own verifiers, asked in order before API_KEYS (ingestion's key store). */
  readonly verifiers?: readonly VerifierRef[];
  /** Per-caller rate limit; none when omitted. */
  readonly rateLimit?: RateLimitOptions;
  /** Title, version, description and named schemas of the service's `GET /openapi.json`. */
  readonly openApi: OpenApiInfo;
  /** Maps the service's own errors to the edge's (see HttpErrorFilter). */
  readonly translateError?: ErrorTranslator;
};

@Module({})
class HttpEdgeModule {}

/**
 * The service's Nest app on Fastify with the platform's HTTP edge; main.ts and the integration
 * tests build it through here, so every service's edge is the same:
 *
 * - authentication global and deny-by-default: the credential (Bearer, or Basic with the key as
 *   the user name) is verified by the service's verifiers, then API_KEYS; a route opens only to
 *   the scopes its `@Scopes(...)` names, or to all with `@Public()` (ScopesGuard);
 * - bodies: gzip undone with the limit on the decoded bytes, then JSON (secure parse) or 415;
 * - input validated with each route's `@Route` schemas (400 naming the fields);
 * - one error envelope for every error (HttpErrorFilter), a per-caller rate limit if asked;
 * - `GET /openapi.json` built from the same schemas; metrics and an access log per request.
 *
 * @throws Error at start-up when API_KEYS has a bad entry (never naming the key).
 */
export async function createHttpApp(
  serviceModule: Type<unknown> | DynamicModule,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const { logger } = options;
  const apiKeys = ApiKeysVerifier.fromEnv(options.apiKeys);
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimitBytes });
  registerHttpObservability(adapter.getInstance(), logger);
  const openApi: OpenApiOptions = {
    info: options.openApi,
    facts: { bodyLimitBytes: options.bodyLimitBytes, rateLimited: options.rateLimit !== undefined },
  };
  const root: DynamicModule = {
    module: HttpEdgeModule,
    imports: [serviceModule, DiscoveryModule],
    controllers: [OpenApiController],
    providers: [{ provide: OPENAPI_OPTIONS, useValue: openApi }],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger),
    bodyParser: false, // the edge's, below
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // Content-Encoding is undone first, so the body limit and the parser see the decoded bytes.
  registerContentDecoding(fastify, options.bodyLimitBytes);
  registerJsonBodyParser(fastify);

  const routes = routeTableOf(controllersOf(app.get(DiscoveryService)));
  const closed = routes.filter((r) => r.access.kind === 'undeclared').map((r) => r.name);
  if (closed.length)
    logger.warn(
      { routes: closed },
      'these routes declare neither @Scopes nor @Public, so they refuse every request',
    );
  const publicRoutes = new Set(
    routes.filter((r) => r.access.kind === 'public').map((r) => `${r.method.toUpperCase()} ${r.path}`),
  );
  const isPublic = (request: FastifyRequest): boolean =>
    publicRoutes.has(`${request.method === 'HEAD' ? 'GET' : request.method} ${request.routeOptions.url}`);

  const verifiers = [
    ...(options.verifiers ?? []).map((v) => (v instanceof CredentialVerifier ? v : app.get(v))),
    apiKeys,
  ];
  registerCredentialHook(fastify, verifiers, isPublic);
  if (options.rateLimit) await registerRateLimit(fastify, options.rateLimit, isPublic);

  app.useGlobalGuards(new ScopesGuard());
  app.useGlobalInterceptors(new RouteInputInterceptor());
  // Nest installs the Fastify error handler that routes hook and parser errors here too; setting
  // another one on Fastify would override Nest's (FSTWRN004).
  app.useGlobalFilters(new HttpErrorFilter(logger, options.translateError));
  app.enableShutdownHooks();
  return app;
}
