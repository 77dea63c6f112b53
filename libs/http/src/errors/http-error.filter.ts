import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { traceFields, type Logger } from '@smarketing/observability';
import type { FastifyReply } from 'fastify';
import { httpErrorOf } from './http-error.mapper';

/** Turns a service's own errors into the edge's (ingestion's app errors, say); undefined leaves it as is. */
export type ErrorTranslator = (error: unknown) => unknown;

/**
 * The one place errors become responses (see httpErrorOf): a route's, and, through the error
 * handler Nest installs on Fastify, those raised before a route runs (body, size, rate limit, auth).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly translate: ErrorTranslator = () => undefined,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = this.translate(exception) ?? exception;
    const traceId = traceFields()['trace_id'];
    const mapped = httpErrorOf(error, traceId);
    // The logger adds trace_id itself; the trace id of a 500 is also in its message, for the report.
    if (mapped.log === 'error') this.logger.error({ err: exception }, 'request failed: a bug (500)');
    if (mapped.log === 'warn') this.logger.warn({ err: exception }, `request failed: ${mapped.body.message}`);
    void reply.status(mapped.status).headers(mapped.headers).send(mapped.body);
  }
}
