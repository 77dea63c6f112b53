import type { ChannelCredits, Path } from './path';

export type Interval = { readonly low: number; readonly high: number };

export type BootstrapOptions = {
  readonly replicates: number;
  /** 0.95 gives the 2.5th and 97.5th percentiles. */
  readonly confidence: number;
  readonly random: () => number;
};

/**
 * Percentile bootstrap intervals of per-channel credits: the journeys are resampled with
 * replacement (as many as there are), the model refitted on each resample, and each channel's
 * credits over the replicates give its interval (a channel missing from a resample counts 0).
 */
export const bootstrapIntervals = (
  paths: readonly Path[],
  refit: (paths: readonly Path[]) => ChannelCredits,
  channels: readonly string[],
  options: BootstrapOptions,
): Map<string, Interval> => {
  // One unit per (path, outcome); a journey drawn is a unit drawn with probability count/total.
  const units: { path: number; converted: boolean; count: number }[] = [];
  paths.forEach((p, i) => {
    if (p.conversions > 0) units.push({ path: i, converted: true, count: p.conversions });
    if (p.nulls > 0) units.push({ path: i, converted: false, count: p.nulls });
  });
  const cumulative = new Float64Array(units.length);
  let total = 0;
  units.forEach((u, i) => (cumulative[i] = total += u.count));
  const draws: Map<string, number[]> = new Map(channels.map((c) => [c, []]));
  const drawn = new Float64Array(units.length);
  for (let r = 0; r < options.replicates && total > 0; r++) {
    drawn.fill(0);
    for (let k = 0; k < total; k++) {
      const x = options.random() * total;
      let lo = 0;
      let hi = units.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] ?? 0) > x) hi = mid;
        else lo = mid + 1;
      }
      drawn[lo] = (drawn[lo] ?? 0) + 1;
    }
    const resampled = new Map<number, { channels: readonly string[]; conversions: number; nulls: number }>();
    units.forEach((u, i) => {
      const d = drawn[i] ?? 0;
      if (!d) return;
      const p = paths[u.path];
      if (!p) return;
      const cur = resampled.get(u.path) ?? { channels: p.channels, conversions: 0, nulls: 0 };
      if (u.converted) cur.conversions += d;
      else cur.nulls += d;
      resampled.set(u.path, cur);
    });
    const credits = refit([...resampled.values()]);
    for (const c of channels) draws.get(c)?.push(credits.get(c) ?? 0);
  }
  const alpha = (1 - options.confidence) / 2;
  const out = new Map<string, Interval>();
  for (const [c, xs] of draws) {
    xs.sort((a, b) => a - b);
    const at = (q: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.floor(q * xs.length)))] ?? 0;
    out.set(c, { low: at(alpha), high: at(1 - alpha) });
  }
  return out;
};
