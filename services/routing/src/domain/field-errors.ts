import type { z } from 'zod';

/** A field-level problem in a document: `path` like "rules[2].when[0].in". */
export type FieldError = { readonly path: string; readonly message: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '') || '(root)';

/** Parses an untrusted document with a schema into its value or every field error, with paths. */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  document: unknown,
  prefix: readonly PropertyKey[] = [],
): Parsed<z.output<S>> => {
  const result = schema.safeParse(document);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({
      path: formatPath([...prefix, ...i.path]),
      message: i.message,
    })),
  };
};
