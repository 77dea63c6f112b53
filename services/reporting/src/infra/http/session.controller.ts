import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { Public, Route, UnauthenticatedError } from '@smarketing/http';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { clearedSessionCookie, sessionCookie, type SessionCookieOptions } from './session-cookie';
import { SessionVerifier } from './session.verifier';
import { sessionBody } from './request-schemas';

export const SESSION_COOKIE_OPTIONS = Symbol('SESSION_COOKIE_OPTIONS');

/**
 * Sign-in for the page: a key with `read` (the edge's API_KEYS) is exchanged for an HttpOnly,
 * SameSite=Strict session cookie that gives `read` only. Public, as the key is the credential; the
 * edge's JSON-only bodies keep a cross-site form from posting here.
 */
@Controller('v1/session')
@Public()
export class SessionController {
  constructor(
    @Inject(SessionVerifier) private readonly sessions: SessionVerifier,
    @Inject(SESSION_COOKIE_OPTIONS) private readonly cookie: SessionCookieOptions,
  ) {}

  @Post()
  @Route({
    summary: 'Signs in: a key holding `read` in, a session cookie (read only) out.',
    body: sessionBody,
    responses: { 201: 'Signed in; Set-Cookie carries the session.' },
  })
  async signIn(
    @Body() { key }: z.output<typeof sessionBody>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.sessions.issue(key);
    if (session === null) throw new UnauthenticatedError('the key is unknown or cannot read');
    void reply.header('set-cookie', sessionCookie(session.token, session.expiresAt, this.cookie));
    return { expiresAt: new Date(session.expiresAt).toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @Route({ summary: 'Signs out: clears the session cookie.', responses: { 204: 'Signed out.' } })
  signOut(@Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', clearedSessionCookie(this.cookie));
  }
}
