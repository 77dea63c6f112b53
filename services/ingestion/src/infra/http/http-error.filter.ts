import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@smarketing/observability';
import type { FastifyReply } from 'fastify';
import { httpErrorOf } from './http-error.mapper';

/** The one place route errors become responses (see httpErrorOf). */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const mapped = httpErrorOf(exception);
    if (mapped.server) this.logger.error({ err: exception }, 'request failed for a server-side reason');
    void reply.status(mapped.status).headers(mapped.headers).send(mapped.body);
  }
}
