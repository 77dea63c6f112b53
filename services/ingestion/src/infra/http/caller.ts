import type { FastifyRequest } from 'fastify';

/**
 * The source of a platform key's data (API_KEYS keys belong to no source): `admin`, the source the
 * bootstrap admin key's CRM facts carried, so their event ids stay what they were.
 */
export const PLATFORM_KEY_SOURCE = 'admin';

/** Who called, on a route the edge authenticated (the guard ran, so there is a principal). */
export const callerOf = (request: FastifyRequest): { keyId: string; source: string } => {
  const principal = request.principal;
  if (!principal) throw new Error('no principal on an authenticated route');
  return { keyId: principal.keyId, source: principal.source ?? PLATFORM_KEY_SOURCE };
};
