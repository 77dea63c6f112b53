import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyWithAny, type CredentialVerifier } from './credential-verifier';
import { credentialOf } from './credential.parser';

/** Whether the route a request matched is public (by its declaration; unmatched: no). */
export type IsPublicRequest = (request: FastifyRequest) => boolean;

/**
 * Resolves the caller before anything else (onRequest), so the rate limiter can key on it. It never
 * rejects: the ScopesGuard turns a missing principal into 401. A verifier that fails (its store is
 * down) fails the request, with the 503 of that dependency.
 */
export function registerCredentialHook(
  app: FastifyInstance,
  verifiers: readonly CredentialVerifier[],
  isPublic: IsPublicRequest,
): void {
  app.addHook('onRequest', async (request) => {
    if (isPublic(request)) return;
    const credential = credentialOf(request.headers.authorization);
    if (credential === null) return;
    const principal = await verifyWithAny(verifiers, credential);
    if (principal !== null) request.principal = principal;
  });
}
