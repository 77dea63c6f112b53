/** What the stores need from a transaction: libs/messaging's TxContext satisfies it. */
export type Sql = { query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]> };

/** bigint columns arrive as strings. */
export const toMs = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);
