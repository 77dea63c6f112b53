import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { InvalidInputError, type FieldError } from '../errors/http-errors';
import { routeSpecOf } from './route.decorator';
import { fieldErrorsOf, type InputPart } from './validate-input';

const PARTS: readonly InputPart[] = ['params', 'query', 'body'];

/**
 * Validates a route's input (all of it, one 400 for every bad field) with the schemas of its {@link Route} spec, after the guard (so an
 * unauthenticated caller learns nothing of the input rules) and before the handler reads it.
 */
@Injectable()
export class RouteInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = routeSpecOf(context.getHandler());
    if (spec !== undefined) {
      const request = context.switchToHttp().getRequest<FastifyRequest & Record<InputPart, unknown>>();
      const parsed: Partial<Record<InputPart, unknown>> = {};
      const errors: FieldError[] = [];
      for (const part of PARTS) {
        const schema = spec[part];
        if (schema === undefined) continue;
        const result = schema.safeParse(request[part], { reportInput: true });
        if (result.success) parsed[part] = result.data;
        else errors.push(...fieldErrorsOf(result.error, part));
      }
      // Every bad field of every part in one 400; the request is changed only when all parts are valid.
      if (errors.length) throw new InvalidInputError(errors);
      Object.assign(request, parsed);
    }
    return next.handle();
  }
}
