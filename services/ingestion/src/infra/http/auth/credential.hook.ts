import type { FastifyInstance } from 'fastify';
import { isPublicRoute } from '@smarketing/observability';
import type { AuthenticateUseCase } from '../../../app/keys/authenticate.use-case';
import { credentialOf } from './credential.parser';

/**
 * Resolves the caller before anything else (onRequest), so the rate limiter can key on the
 * source. It never rejects: the ScopesGuard turns a missing principal into 401.
 */
export function registerCredentialHook(app: FastifyInstance, authenticate: AuthenticateUseCase): void {
  app.addHook('onRequest', async (request) => {
    if (isPublicRoute(request.url)) return;
    const credential = credentialOf(request.headers.authorization);
    if (credential === null) return;
    const principal = await authenticate.execute(credential);
    if (principal !== null) request.principal = principal;
  });
}
