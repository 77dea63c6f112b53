// The errors a route throws on purpose, each mapped to one status by httpErrorOf. Plain classes, no
// framework: a controller throws them, and so do the edge's own hooks.

/** One problem with the input, named by its field path (`(root)`: the body itself). */
export type FieldError = { readonly path: string; readonly message: string };

/** The input is invalid; `errors` name the offending fields. 400 `invalid_input`. */
export class InvalidInputError extends Error {
  constructor(
    readonly errors: readonly FieldError[],
    readonly summary = 'the request has invalid fields',
  ) {
    super(`invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

/** No credential, or one that is unknown, revoked or badly signed. 401 `unauthorized`. */
export class UnauthenticatedError extends Error {
  constructor(message = 'a valid API key or write key is required') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A valid credential without what the route needs. 403 `forbidden`. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** 404 `not_found`; `errors` may name the field that points at nothing. */
export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request contradicts the current state (a version already published). 409 `conflict`. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A body refused before it is parsed: 413 (over the limit) or 415 (an encoding or type we cannot read). */
export class RequestBodyError extends Error {
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'RequestBodyError';
  }
}
