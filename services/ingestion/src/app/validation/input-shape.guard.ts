import { fieldPathOf } from '@smarketing/http';
import { VALIDATION_LIMITS, type ValidationError } from './validation-result';

export type InputShapeOptions = {
  maxDepth?: number;
  /** Level of the root value (a call is level 1): -1 for a batch body, so each `batch[i]` call is level 1 too. */
  rootDepth?: number;
};

/**
 * Checks what a schema cannot see cheaply before zod runs: nesting deeper than the limit
 * (which would make every later consumer recurse without bound) and `__proto__` keys
 * (only ever an attack or a bug, and dangerous to anyone who merges the object later).
 */
export function checkInputShape(input: unknown, options: InputShapeOptions = {}): ValidationError[] {
  const maxDepth = options.maxDepth ?? VALIDATION_LIMITS.maxDepth;
  const errors: ValidationError[] = [];
  const visit = (value: unknown, path: PropertyKey[], depth: number): void => {
    if (errors.length >= VALIDATION_LIMITS.maxErrors || typeof value !== 'object' || value === null) return;
    if (depth > maxDepth) {
      errors.push({ path: fieldPathOf(path), message: `nested deeper than ${maxDepth} levels` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        errors.push({ path: fieldPathOf([...path, key]), message: 'the key __proto__ is not allowed' });
        continue;
      }
      visit((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  visit(input, [], options.rootDepth ?? 1);
  return errors;
}
