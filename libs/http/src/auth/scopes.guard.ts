import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../errors/http-errors';
import { accessOf } from './access.decorators';
import { signatureProblem } from './signature.verifier';

/**
 * Deny by default, for every route of the app (installed globally by createHttpApp): a route that
 * declares neither `@Scopes(...)` nor `@Public()` is refused to everyone. Otherwise the caller needs
 * a key the credential hook verified (401), every scope the route names (403), and a valid
 * signature when the key has a signing secret (401).
 */
@Injectable()
export class ScopesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const access = accessOf(context.getHandler(), context.getClass());
    if (access.kind === 'public') return true;
    if (access.kind === 'undeclared')
      throw new ForbiddenError(
        'this route declares no scope: it is closed until it declares @Scopes(...) or @Public()',
      );
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = request.principal;
    if (!principal) throw new UnauthenticatedError();
    const missing = access.scopes.filter((s) => !principal.scopes.includes(s));
    if (missing.length) throw new ForbiddenError(`this key lacks the scope ${missing.join(', ')}`);
    if (principal.signingSecret !== undefined) {
      const problem = signatureProblem(principal.signingSecret, request.rawBody, request.headers);
      if (problem !== null) throw new UnauthenticatedError(problem);
    }
    return true;
  }
}
