import type { z } from 'zod';

/** A field-level problem in a document: `path` like "week.mon[0].to" or "(root)". */
export type FieldError = { readonly path: string; readonly message: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return acc === '' ? name : `${acc}.${name}`;
  }, '') || '(root)';

/** Parses an untrusted document with a schema into its value or every field error, by path. */
export const parseWith = <T>(schema: z.ZodType<T>, document: unknown): Parsed<T> => {
  const result = schema.safeParse(document);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  };
};
