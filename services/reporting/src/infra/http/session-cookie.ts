import { parse, serialize } from 'cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionVerifier } from './session.verifier';

export const SESSION_COOKIE = 'smarketing_session';

export type SessionCookieOptions = { readonly secure: boolean };

const attributes = (o: SessionCookieOptions) =>
  ({ httpOnly: true, sameSite: 'strict', secure: o.secure, path: '/' }) as const;

/** The Set-Cookie value that hands the browser its session. */
export const sessionCookie = (token: string, expiresAt: number, o: SessionCookieOptions): string =>
  serialize(SESSION_COOKIE, token, { ...attributes(o), expires: new Date(expiresAt) });

/** The Set-Cookie value that ends it. */
export const clearedSessionCookie = (o: SessionCookieOptions): string =>
  serialize(SESSION_COOKIE, '', { ...attributes(o), expires: new Date(0) });

export const sessionTokenOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers.cookie;
  return header === undefined ? undefined : parse(header)[SESSION_COOKIE];
};

/**
 * The session cookie as a credential. The edge's credential hook reads only the Authorization
 * header, so this second onRequest hook (registered after it, so it runs after it) asks the
 * session verifier when no key was presented. A principal found here has `read` only; the
 * ScopesGuard then treats it like any other. It also runs on public routes, so the page routes
 * can tell a signed-in browser from another and redirect the latter to /login.
 */
export function registerSessionCookie(fastify: FastifyInstance, sessions: SessionVerifier): void {
  fastify.addHook('onRequest', async (request) => {
    if (request.principal !== undefined) return;
    const token = sessionTokenOf(request);
    if (token === undefined || token === '') return;
    const principal = await sessions.verify({ kind: 'bearer', token });
    if (principal !== null) request.principal = principal;
  });
}
