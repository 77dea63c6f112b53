import type { TxContext } from '@smarketing/messaging';

/** What the stores need of a transaction. */
export type Sql = Pick<TxContext, 'query'>;

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
export const msOrNull = (d: Date | null): number | null => (d === null ? null : d.getTime());
