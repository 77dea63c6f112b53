import { HttpException } from '@nestjs/common';
import { InvalidEventError } from '@smarketing/messaging';
import { ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../../app/errors';
import type { ValidationError } from '../../app/validation';

export type HttpError = {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Record<string, string>;
  /** True when it is not the client's fault (logged as an error). */
  readonly server: boolean;
};

const RETRY_AFTER_SECONDS = '5';

const reasonOf = (status: number): string =>
  ({
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    406: 'not_acceptable',
    408: 'request_timeout',
    411: 'length_required',
    413: 'payload_too_large',
    414: 'uri_too_long',
    415: 'unsupported_media_type',
    429: 'too_many_requests',
    431: 'headers_too_large',
  })[status] ?? 'client_error';

/** The one shape of every 400: a summary, and each problem named by its field path. */
const invalidInput = (message: string, errors: readonly ValidationError[]): HttpError => ({
  status: 400,
  body: { error: 'invalid_input', message, errors },
  headers: {},
  server: false,
});

/**
 * Every error as a response the client can act on. Bad input is a 4xx naming the field; only
 * infrastructure trouble (database, broker) is a 5xx, and then 503 with Retry-After: never a 500.
 */
export function httpErrorOf(error: unknown): HttpError {
  if (error instanceof InvalidInputError) return invalidInput(error.summary, error.errors);
  if (error instanceof UnauthenticatedError) {
    return {
      status: 401,
      body: { error: 'unauthorized', message: error.message },
      headers: { 'www-authenticate': 'Basic realm="ingestion", Bearer' },
      server: false,
    };
  }
  if (error instanceof ForbiddenError)
    return { status: 403, body: { error: 'forbidden', message: error.message }, headers: {}, server: false };
  if (error instanceof NotFoundError)
    return { status: 404, body: { error: 'not_found', message: error.message }, headers: {}, server: false };
  if (error instanceof InvalidEventError) {
    // The mapped event does not fit its schema: the input carried something we cannot represent.
    return invalidInput(
      'the input cannot be represented as an event',
      error.paths.map((path) => ({ path, message: 'not representable' })),
    );
  }
  const status = error instanceof HttpException ? error.getStatus() : statusCodeOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    const message =
      error instanceof HttpException
        ? error.message
        : String((error as { message?: unknown }).message ?? reasonOf(status));
    // A 400 raised by the framework (a Content-Length that does not match the body, say) gets the
    // envelope of every other 400, naming the body as the problem.
    if (status === 400) return invalidInput(message, [{ path: '(root)', message }]);
    return { status, body: { error: reasonOf(status), message }, headers: {}, server: false };
  }
  // A 5xx a route answers on purpose (the readiness probe's 503 with its report) goes out as it is,
  // and is no server-side failure to log.
  if (error instanceof HttpException)
    return {
      status: error.getStatus(),
      body: error.getResponse() as Record<string, unknown>,
      headers: {},
      server: false,
    };
  return {
    status: 503,
    body: { error: 'unavailable', message: 'the service cannot accept events right now; retry later' },
    headers: { 'retry-after': RETRY_AFTER_SECONDS },
    server: true,
  };
}

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { statusCode?: unknown }).statusCode;
  return typeof code === 'number' ? code : undefined;
}
