import { InvalidInputError, type ErrorTranslator, type InputPart } from '@smarketing/http';
import { InvalidQueryError } from '../../app/queries';

/** The read models' InvalidQueryError as the edge's 400, naming the field the use case named. */
export const translateQueryError: ErrorTranslator = (error) =>
  error instanceof InvalidQueryError
    ? new InvalidInputError([{ path: error.field, message: error.message }], 'the query is invalid')
    : undefined;

/**
 * Runs a read-model call whose bare field names (`period`) came from the request's `part`, so its
 * InvalidQueryError names them as the edge does (`query.period`, `params.week`). A path already
 * qualified (`targets[1].metricId`, a body field) is left as it is.
 */
export async function fieldsOf<T>(part: Exclude<InputPart, 'body'>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InvalidQueryError && /^[A-Za-z_$][\w$]*$/.test(e.field))
      throw new InvalidQueryError(`${part}.${e.field}`, e.message);
    throw e;
  }
}
