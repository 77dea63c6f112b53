import type { ValidationError } from './validation';

/** The input is invalid; `errors` name the offending field paths (`(root)`: the body itself). Maps to 400. */
export class InvalidInputError extends Error {
  constructor(
    readonly errors: readonly ValidationError[],
    readonly summary = 'the request has invalid fields',
  ) {
    super(`invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

/** No credential, or one that is unknown, revoked or badly signed. Maps to 401. */
export class UnauthenticatedError extends Error {
  constructor(message = 'a valid write key or API key is required') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A valid credential without the scope the route needs. Maps to 403. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Maps to 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
