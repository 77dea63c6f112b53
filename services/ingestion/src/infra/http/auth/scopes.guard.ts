import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublicRoute } from '@smarketing/observability';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../../../app/errors';
import type { Scope } from '../../../app/keys/api-key';
import { SCOPES_KEY } from './scopes.decorator';
import { signatureProblem } from './signature.verifier';

/**
 * Every route but the public probes needs a valid key (default deny: a route without
 * @RequireScopes still needs one), the scopes the route names, and a valid
 * signature when the key's source has a signing secret.
 */
@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const scopes = this.reflector.getAllAndOverride<Scope[] | undefined>(SCOPES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (scopes === undefined && isPublicRoute(request.url)) return true;
    const principal = request.principal;
    if (!principal) throw new UnauthenticatedError();
    const missing = (scopes ?? []).filter((s) => !principal.scopes.includes(s));
    if (missing.length) throw new ForbiddenError(`this key lacks the scope ${missing.join(', ')}`);
    if (principal.signingSecret !== null) {
      const problem = signatureProblem(principal.signingSecret, request.rawBody, request.headers);
      if (problem !== null) throw new UnauthenticatedError(problem);
    }
    return true;
  }
}
