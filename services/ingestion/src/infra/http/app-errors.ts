import { InvalidInputError as HttpInvalidInput, NotFoundError as HttpNotFound } from '@smarketing/http';
import { InvalidInputError, NotFoundError } from '../../app/errors';

/** The app's errors (framework-free) as the edge's, which the edge maps to 400 and 404. */
export function appErrorToHttp(error: unknown): unknown {
  if (error instanceof InvalidInputError) return new HttpInvalidInput(error.errors, error.summary);
  if (error instanceof NotFoundError) return new HttpNotFound(error.message);
  return undefined;
}
