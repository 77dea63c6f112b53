/** A value with the event time it was true at: the newer event time wins, whatever the arrival order. */
export type Stamped<T> = { readonly value: T; readonly at: number };

// Ties (two events with the same time) break on the value's text, so that every arrival order
// converges to the same state.
const key = (v: unknown): string => JSON.stringify(v) ?? '';

/** The newer of two stamped values (null: never seen). */
export function latest<T>(a: Stamped<T> | null, b: Stamped<T> | null): Stamped<T> | null {
  if (!a) return b;
  if (!b) return a;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return key(a.value) >= key(b.value) ? a : b;
}

/** The earlier of two instants (null: never happened): a milestone keeps its first time. */
export const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

/** The earlier of two stamped values; ties break like `latest`. */
export function first<T>(a: Stamped<T> | null, b: Stamped<T> | null): Stamped<T> | null {
  if (!a) return b;
  if (!b) return a;
  if (a.at !== b.at) return a.at < b.at ? a : b;
  return key(a.value) <= key(b.value) ? a : b;
}
