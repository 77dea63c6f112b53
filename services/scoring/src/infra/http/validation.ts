import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

export type FieldError = { path: string; message: string };

const formatPath = (prefix: string, path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`,
    prefix,
  ) || '(root)';

/** 400 with the field paths, in the same shape as model validation errors. */
export const badRequest = (errors: readonly FieldError[]): BadRequestException =>
  new BadRequestException({ error: 'invalid_request', errors });

/** Parses untrusted input or throws a 400 naming each bad field (prefixed, e.g. "query.version"). */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(
    result.error.issues.map((i) => ({ path: formatPath(prefix, i.path), message: i.message })),
  );
};
