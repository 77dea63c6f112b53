// Reading loosely typed Segment traits/properties: strings are trimmed and bounded, anything else is absent.

export type Bag = Readonly<Record<string, unknown>>;

export const MAX_TRAIT_STRING = 500;

export function str(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed.slice(0, MAX_TRAIT_STRING);
}

export function bag(value: unknown): Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Bag) : {};
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

/** The first of `keys` that is present (own property) in the bag. */
export function first(source: Bag, keys: readonly string[]): unknown {
  for (const key of keys)
    if (Object.hasOwn(source, key) && source[key] !== undefined && source[key] !== null) return source[key];
  return undefined;
}

/** The bag without `keys`: what we keep, bounded, as extras. */
export function without(source: Bag, keys: ReadonlySet<string>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) if (!keys.has(key)) rest[key] = value;
  return rest;
}
