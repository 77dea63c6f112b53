/** One problem with the input, named by its field path (`batch[3].userId`) so a 400 can say where. */
export type ValidationError = { path: string; message: string };

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

export const VALIDATION_LIMITS = {
  /** Default cap for any string that is not free-form traits/properties. */
  maxString: 1_000,
  maxId: 200,
  maxEventName: 200,
  maxNotes: 5_000,
  /** Objects/arrays nested inside one call or CRM fact. */
  maxDepth: 10,
  maxBatch: 500,
  maxListItems: 100,
  /** A 400 listing thousands of problems helps no one. */
  maxErrors: 100,
} as const;
