/** Epoch ms as PostgreSQL timestamptz text (exact, unlike to_timestamp of a float). */
export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
export const msOrNull = (d: Date | null): number | null => (d === null ? null : d.getTime());
