export type BoundedExtras = {
  /** A JSON object, at most `maxBytes` UTF-8 bytes. */
  json: string;
  truncated: boolean;
  /** Top-level keys dropped to fit, largest first. */
  droppedKeys: string[];
};

export const DEFAULT_EXTRAS_MAX_BYTES = 8 * 1024;

// Keys that can rewrite prototypes when a consumer merges the JSON into an object.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Validation already caps nesting at 10; this only keeps the function total on any input.
const MAX_DEPTH = 32;

const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

/** A JSON-safe copy: null-prototype objects, no forbidden keys, no undefined/functions/symbols/bigints. */
function sanitize(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((item) => sanitize(item, depth + 1) ?? null);
  const out: Record<string, unknown> = Object.create(null);
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const clean = sanitize(item, depth + 1);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}

/**
 * Serializes the Segment traits/properties we do not map to columns, bounded in size so one
 * noisy source cannot bloat every row and event. Drops the largest top-level keys until the
 * JSON fits (ties broken by key name, so the result is deterministic).
 */
export function boundExtras(extras: unknown, maxBytes: number = DEFAULT_EXTRAS_MAX_BYTES): BoundedExtras {
  if (!Number.isInteger(maxBytes) || maxBytes < 2)
    throw new RangeError('maxBytes must be an integer >= 2 (room for "{}")');
  const clean =
    typeof extras === 'object' && extras !== null && !Array.isArray(extras) ? sanitize(extras, 0) : null;
  const entries = Object.entries((clean ?? {}) as Record<string, unknown>).map(([key, value]) => {
    const text = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return { key, text, bytes: byteLength(text) };
  });
  // '{' + entries joined by ',' + '}'
  let total = 2 + entries.reduce((sum, entry) => sum + entry.bytes, 0) + Math.max(0, entries.length - 1);
  const bySizeDesc = [...entries].sort(
    (a, b) => b.bytes - a.bytes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const dropped = new Set<string>();
  for (const entry of bySizeDesc) {
    if (total <= maxBytes) break;
    dropped.add(entry.key);
    total -= entry.bytes + (entries.length - dropped.size > 0 ? 1 : 0);
  }
  const kept = entries.filter((entry) => !dropped.has(entry.key));
  const json = `{${kept.map((entry) => entry.text).join(',')}}`;
  return {
    json,
    truncated: dropped.size > 0,
    droppedKeys: bySizeDesc.filter((e) => dropped.has(e.key)).map((e) => e.key),
  };
}
