import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal values always print the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value) && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

/** The digest of a multiset of texts: the same whatever order they come in. */
export function multisetHash(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const t of [...texts].sort()) hash.update(t).update('\n');
  return hash.digest('hex').slice(0, 16);
}

/** One part of a digest: how many items, their order-independent hash, and each field's hash. */
export type DigestPart = {
  readonly count: number;
  readonly hash: string;
  /** Per top-level field, the multiset hash of its values: names the fields two runs differ in. */
  readonly fields: ReadonlyMap<string, string>;
  /** A few items, canonical, to show when the part differs. */
  readonly sample: readonly string[];
};

/** The digest part of a set of objects (rows, topic values), order-independent. */
export function digestObjects(items: readonly Record<string, unknown>[]): DigestPart {
  const texts = items.map(canonicalJson);
  const byField = new Map<string, string[]>();
  const add = (k: string, v: unknown) => {
    const list = byField.get(k) ?? [];
    list.push(canonicalJson(v));
    byField.set(k, list);
  };
  for (const item of items)
    for (const [k, v] of Object.entries(item)) {
      add(k, v);
      // A topic item is { key, value }: name the value's own fields too.
      if (v !== null && typeof v === 'object' && !Array.isArray(v))
        for (const [k2, v2] of Object.entries(v)) add(`${k}.${k2}`, v2);
    }
  return {
    count: items.length,
    hash: multisetHash(texts),
    fields: new Map([...byField].map(([k, list]) => [k, multisetHash(list)])),
    sample: [...texts].sort().slice(0, 3),
  };
}
