import {
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ApiKeys, type Principal, type Scope } from './api-keys';

const SCOPE = 'scoring:scope';

/** The scope a route needs (admin keys hold read too). */
export const RequireScope = (scope: Scope) => SetMetadata(SCOPE, scope);

export type AuthenticatedRequest = FastifyRequest & { scoringKey?: Principal };

/** Bearer API keys: 401 without a valid key, 403 when the key lacks the route's scope. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(ApiKeys) private readonly keys: ApiKeys,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const scope =
      this.reflector.getAllAndOverride<Scope | undefined>(SCOPE, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'admin';
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = this.keys.authenticate(request.headers.authorization);
    if (principal === undefined)
      throw new UnauthorizedException({
        error: 'unauthorized',
        message: 'an API key is required: Authorization: Bearer <key>',
      });
    if (!principal.scopes.includes(scope))
      throw new ForbiddenException({ error: 'forbidden', message: `this route needs the ${scope} scope` });
    request.scoringKey = principal;
    return true;
  }
}
