import { HttpException } from '@nestjs/common';
import { InvalidEventError } from '@smarketing/messaging';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
  type FieldError,
} from './http-errors';
import { unavailableDependency } from './unavailable-dependency';

/** The one shape of every error body. */
export type ErrorEnvelope = {
  readonly error: string;
  readonly message: string;
  readonly errors?: readonly FieldError[];
};

export type HttpError = {
  readonly status: number;
  readonly body: ErrorEnvelope;
  readonly headers: Record<string, string>;
  /** How the edge logs it: a client's mistake is not logged, an outage is a warning, a bug an error. */
  readonly log: 'none' | 'warn' | 'error';
};

/** Seconds a client waits before retrying a 503. */
export const RETRY_AFTER_SECONDS = '5';

const REASONS: Readonly<Record<number, string>> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  411: 'length_required',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  431: 'headers_too_large',
};

const clientError = (
  status: number,
  message: string,
  errors?: readonly FieldError[],
  headers: Record<string, string> = {},
): HttpError => ({
  status,
  body: { error: REASONS[status] ?? 'client_error', message, ...(errors?.length ? { errors } : {}) },
  headers,
  log: 'none',
});

/** Every 400 names what is wrong: the fields, or `(root)` for the body or request as a whole. */
const invalidInput = (message: string, errors: readonly FieldError[]): HttpError =>
  clientError(400, message, errors.length ? errors : [{ path: '(root)', message }]);

const isFieldErrors = (value: unknown): value is FieldError[] =>
  Array.isArray(value) &&
  value.every(
    (e) =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as FieldError).path === 'string' &&
      typeof (e as FieldError).message === 'string',
  );

function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { statusCode?: unknown }).statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** A 4xx from Nest (HttpException), Fastify or a plugin (an error with a `statusCode`). */
function frameworkClientError(error: unknown): HttpError | null {
  const status = error instanceof HttpException ? error.getStatus() : statusCodeOf(error);
  if (status === undefined || status < 400 || status >= 500) return null;
  const response = error instanceof HttpException ? error.getResponse() : undefined;
  const fields =
    typeof response === 'object' && response !== null ? (response as { errors?: unknown }).errors : undefined;
  const errors = isFieldErrors(fields) ? fields : undefined;
  // Nest names an HttpException without a message after its class ("Not Found Exception").
  const own =
    typeof response === 'object' && response !== null
      ? (response as { message?: unknown }).message
      : undefined;
  const raw = (error as { message?: unknown }).message;
  const message =
    typeof own === 'string'
      ? own
      : errors?.[0]
        ? `${errors[0].path} ${errors[0].message}`
        : typeof raw === 'string' && raw !== ''
          ? raw
          : (REASONS[status] ?? 'client error');
  return status === 400 ? invalidInput(message, errors ?? []) : clientError(status, message, errors);
}

/**
 * Every error as a response the client can act on, in one envelope `{ error, message, errors? }`:
 * bad input is a 4xx naming the field; a named dependency (database, broker, registry) that is
 * unavailable is a 503 with Retry-After; anything else is a bug, a 500 that is not worth retrying
 * (its message carries the trace id, for the report).
 */
export function httpErrorOf(error: unknown, traceId?: string): HttpError {
  if (error instanceof InvalidInputError) return invalidInput(error.summary, error.errors);
  if (error instanceof UnauthenticatedError)
    return clientError(401, error.message, undefined, {
      'www-authenticate': 'Bearer, Basic realm="smarketing"',
    });
  if (error instanceof ForbiddenError) return clientError(403, error.message);
  if (error instanceof NotFoundError) return clientError(404, error.message, error.errors);
  if (error instanceof ConflictError) return clientError(409, error.message);
  if (error instanceof InvalidEventError)
    // The event built from the input does not fit its schema: the input carried something we cannot represent.
    return invalidInput(
      'the input cannot be represented as an event',
      error.paths.map((path) => ({ path, message: 'not representable' })),
    );
  const framework = frameworkClientError(error);
  if (framework) return framework;
  const dependency = unavailableDependency(error);
  if (dependency !== null)
    return {
      status: 503,
      body: { error: 'unavailable', message: `the ${dependency} is unavailable right now; retry later` },
      headers: { 'retry-after': RETRY_AFTER_SECONDS },
      log: 'warn',
    };
  return {
    status: 500,
    body: {
      error: 'internal_error',
      message: `an unexpected error occurred on our side${traceId ? ` (trace ${traceId})` : ''}`,
    },
    headers: {},
    log: 'error',
  };
}
