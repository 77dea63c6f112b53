import type { z } from 'zod';
import { InvalidInputError, type FieldError } from '../errors/http-errors';

/** Where an input comes from; query and path parameters are named with it (`query.version`). */
export type InputPart = 'body' | 'query' | 'params';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A 400 listing thousands of problems helps no one. */
const MAX_ERRORS = 100;

/** ['batch', 3, 'userId'] -> 'batch[3].userId'; odd keys are quoted: properties["plan name"]. */
export function fieldPathOf(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment))
      out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out === '' ? '(root)' : out;
}

/** zod's issues as field errors; "expected string, received undefined" reads better as "is required". */
export function fieldErrorsOf(error: z.ZodError, part: InputPart = 'body'): FieldError[] {
  return error.issues.slice(0, MAX_ERRORS).map((issue) => ({
    path: fieldPathOf(issue.path, part === 'body' ? '' : part),
    message:
      (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined
        ? 'is required'
        : issue.message,
  }));
}

/**
 * Parses untrusted HTTP input with its zod schema, or throws the 400 naming each bad field (body
 * fields by their path, `query.x` and `params.x` for the others).
 */
export function validateInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: InputPart = 'body',
): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new InvalidInputError(fieldErrorsOf(result.error, part));
}
