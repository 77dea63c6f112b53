/**
 * JSON with every object's keys sorted (arrays keep their order; undefined members are left out, as
 * JSON.stringify does), so equal values give equal text whatever order their keys came in. Written
 * by hand rather than taken from a library: event ids are derived from its output, so it must never
 * change, and a dozen lines we own cannot change under a dependency update.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
