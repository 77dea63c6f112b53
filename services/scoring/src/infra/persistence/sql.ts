import type { TxContext } from '@smarketing/messaging';

/** What the stores need from a transaction. */
export type Sql = Pick<TxContext, 'query'>;

/** bigint columns arrive as strings. */
export const toMs = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);
