/**
 * The channel path of journeys that share it, with how many converted and how many did not (a
 * null path: the journey ended without the conversion).
 */
export type Path = {
  readonly channels: readonly string[];
  readonly conversions: number;
  readonly nulls: number;
};

/** Per-channel credits of a data-driven model, in conversions; they sum to the paths' conversions. */
export type ChannelCredits = ReadonlyMap<string, number>;

const SEP = '\u001f';

/** Adds paths with the same channels together (order of first appearance kept). */
export const aggregatePaths = (paths: Iterable<Path>): Path[] => {
  const byKey = new Map<string, { channels: readonly string[]; conversions: number; nulls: number }>();
  for (const p of paths) {
    const key = p.channels.join(SEP);
    const cur = byKey.get(key);
    if (cur) {
      cur.conversions += p.conversions;
      cur.nulls += p.nulls;
    } else byKey.set(key, { channels: p.channels, conversions: p.conversions, nulls: p.nulls });
  }
  return [...byKey.values()];
};

export const totalConversions = (paths: readonly Path[]): number =>
  paths.reduce((a, p) => a + (p.channels.length ? p.conversions : 0), 0);

/** Every channel of the paths, sorted (the order results are reported in). */
export const channelsOf = (paths: readonly Path[]): string[] =>
  [...new Set(paths.flatMap((p) => p.channels))].sort();
