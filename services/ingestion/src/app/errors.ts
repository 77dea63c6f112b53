import type { ValidationError } from './validation';

/**
 * The input is invalid; `errors` name the offending field paths (`(root)`: the body itself). The
 * HTTP edge answers it with a 400 (infra/http/app-errors.ts).
 */
export class InvalidInputError extends Error {
  constructor(
    readonly errors: readonly ValidationError[],
    readonly summary = 'the request has invalid fields',
  ) {
    super(`invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
    this.name = 'InvalidInputError';
  }
}

/** Maps to 404. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
