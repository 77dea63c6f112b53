import type { z } from 'zod';
import { fieldPathOf } from '@smarketing/http';
import { checkInputShape, type InputShapeOptions } from './input-shape.guard';
import { VALIDATION_LIMITS, type ValidationResult } from './validation-result';

function isMissing(issue: z.core.$ZodIssue): boolean {
  return (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined;
}

/** Shape guard, then the schema; never throws on any JSON value, returns errors with field paths. */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
  shape: InputShapeOptions = {},
): ValidationResult<z.output<S>> {
  const shapeErrors = checkInputShape(input, shape);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.slice(0, VALIDATION_LIMITS.maxErrors).map((issue) => ({
    path: fieldPathOf(issue.path),
    // zod's "expected string, received undefined" reads better as "is required".
    message: isMissing(issue) ? 'is required' : issue.message,
  }));
  return { ok: false, errors };
}
