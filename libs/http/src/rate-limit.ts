import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IsPublicRequest } from './auth/credential.hook';

/** Requests per window for each caller; a key may carry its own limit (Principal.rateLimitPerWindow). */
export type RateLimitOptions = { readonly max: number; readonly windowMs: number };

/** The caller a limit counts for: the key's source, else the key, else (no valid key) the IP. */
const callerOf = (request: FastifyRequest): string => {
  const principal = request.principal;
  if (!principal) return `ip:${request.ip}`;
  return principal.source !== undefined ? `source:${principal.source}` : `key:${principal.keyId}`;
};

/** @fastify/rate-limit, per caller (after the credential hook), public routes exempt; 429 with Retry-After. */
export async function registerRateLimit(
  app: FastifyInstance,
  options: RateLimitOptions,
  isPublic: IsPublicRequest,
): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    timeWindow: options.windowMs,
    max: (request: FastifyRequest) => request.principal?.rateLimitPerWindow ?? options.max,
    keyGenerator: callerOf,
    allowList: (request: FastifyRequest) => isPublic(request),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `rate limit of ${context.max} requests per ${context.after} exceeded for this ${
        _request.principal?.source !== undefined ? 'source' : 'caller'
      }`,
    }),
  });
}
