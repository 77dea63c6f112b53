/**
 * An enum's symbols (the generated `*_SYMBOLS`) without some of them, in schema order: e.g. the
 * catch-all `'unknown'` that readers need but an API does not accept as input.
 */
export function symbolsWithout<S extends string, X extends S>(
  symbols: readonly S[],
  ...excluded: readonly X[]
): readonly Exclude<S, X>[] {
  return symbols.filter((s): s is Exclude<S, X> => !(excluded as readonly string[]).includes(s));
}
