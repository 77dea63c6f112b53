import { channelsOf, type ChannelCredits, type Path } from './path';

/**
 * What a coalition of channels is worth, from the paths whose channels all belong to it:
 * - `conversions`: their conversions (Shapley then gives each path's conversions to its distinct
 *   channels in equal parts; {a: 4, a > b: 6} credits a 7, b 3);
 * - `conversion_rate`: their conversions over their journeys (Dalessandro et al., 2012), credits
 *   scaled so they sum to the conversions; a channel that lowers the rate can get a negative share.
 */
export type CoalitionValue = 'conversions' | 'conversion_rate';

export type ShapleyOptions = {
  readonly value?: CoalitionValue;
  /** Exact (every coalition, 2^n) up to this many channels; sampled permutations beyond. */
  readonly maxExactChannels?: number;
  /** Permutations sampled beyond maxExactChannels. */
  readonly samples?: number;
  /** Confidence of the stated error bound (1 - delta). */
  readonly confidence?: number;
  /** A uniform [0, 1) source, seeded for reproducible samples. */
  readonly random?: () => number;
};

export type ShapleyResult = {
  readonly exact: boolean;
  /** Shapley values of the coalition game (sum: the value of every channel together). */
  readonly values: ChannelCredits;
  /** Conversions credited: the values scaled to the paths' conversions. */
  readonly credits: ChannelCredits;
  /**
   * Sampled only: with probability `confidence`, every channel's value is within this of the exact
   * one (Hoeffding's inequality with a union bound over the channels: range * sqrt(ln(2n/delta) / 2m),
   * the range of a marginal contribution being the value of all channels for `conversions` and 1 for
   * `conversion_rate`). 0 when exact.
   */
  readonly errorBound: number;
  readonly samples: number;
};

type Sets = { members: number[][]; conv: number[]; journeys: number[] };

const distinctSets = (paths: readonly Path[], index: Map<string, number>): Sets => {
  const byKey = new Map<string, { members: number[]; conv: number; journeys: number }>();
  for (const p of paths) {
    if (!p.channels.length) continue;
    const members = [...new Set(p.channels.map((c) => index.get(c) ?? -1))].sort((a, b) => a - b);
    const key = members.join(',');
    const cur = byKey.get(key) ?? { members, conv: 0, journeys: 0 };
    cur.conv += p.conversions;
    cur.journeys += p.conversions + p.nulls;
    byKey.set(key, cur);
  }
  const all = [...byKey.values()];
  return {
    members: all.map((s) => s.members),
    conv: all.map((s) => s.conv),
    journeys: all.map((s) => s.journeys),
  };
};

const valueOf = (kind: CoalitionValue, conv: number, journeys: number): number =>
  kind === 'conversions' ? conv : journeys > 0 ? conv / journeys : 0;

/** Shapley values over channels: exact for few channels, sampled permutations (with a stated bound) beyond. */
export const shapleyAttribution = (paths: readonly Path[], options: ShapleyOptions = {}): ShapleyResult => {
  const kind = options.value ?? 'conversions';
  const maxExact = options.maxExactChannels ?? 16;
  const channels = channelsOf(paths.filter((p) => p.channels.length));
  const n = channels.length;
  const index = new Map(channels.map((c, i) => [c, i]));
  const sets = distinctSets(paths, index);
  const totalConv = sets.conv.reduce((a, b) => a + b, 0);
  const values = new Float64Array(n);
  let exact = true;
  let errorBound = 0;
  let samples = 0;

  if (n <= maxExact) {
    // v(S) for every coalition: sums over subsets (zeta transform), O(n 2^n).
    const size = 1 << n;
    const conv = new Float64Array(size);
    const jour = new Float64Array(size);
    sets.members.forEach((members, k) => {
      const mask = members.reduce((m, i) => m | (1 << i), 0);
      conv[mask] = (conv[mask] ?? 0) + (sets.conv[k] ?? 0);
      jour[mask] = (jour[mask] ?? 0) + (sets.journeys[k] ?? 0);
    });
    for (let i = 0; i < n; i++)
      for (let m = 0; m < size; m++)
        if (m & (1 << i)) {
          conv[m] = (conv[m] ?? 0) + (conv[m ^ (1 << i)] ?? 0);
          jour[m] = (jour[m] ?? 0) + (jour[m ^ (1 << i)] ?? 0);
        }
    const v = (m: number) => valueOf(kind, conv[m] ?? 0, jour[m] ?? 0);
    // |S|! (n - |S| - 1)! / n! for each coalition size.
    const weight = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      let w = 1 / n;
      for (let j = 1; j <= s; j++) w *= j / (n - j);
      weight[s] = w;
    }
    const popcount = (m: number) => {
      let c = 0;
      for (let x = m; x; x &= x - 1) c++;
      return c;
    };
    for (let m = 0; m < size; m++) {
      const vm = v(m);
      const w = weight[popcount(m)] ?? 0;
      for (let i = 0; i < n; i++)
        if (!(m & (1 << i))) values[i] = (values[i] ?? 0) + w * (v(m | (1 << i)) - vm);
    }
  } else {
    // Permutation sampling (Castro et al., 2009): walk a random order of the channels; a path's
    // set joins the coalition when its last missing channel does.
    exact = false;
    samples = options.samples ?? 2_000;
    const random = options.random ?? Math.random;
    const setsOf: number[][] = Array.from({ length: n }, () => []);
    sets.members.forEach((members, k) => members.forEach((i) => setsOf[i]?.push(k)));
    const missing = new Int32Array(sets.conv.length);
    const order = channels.map((_, i) => i);
    for (let s = 0; s < samples; s++) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i] ?? 0;
        order[i] = order[j] ?? 0;
        order[j] = t;
      }
      sets.members.forEach((m, k) => (missing[k] = m.length));
      let conv = 0;
      let jour = 0;
      let before = valueOf(kind, 0, 0);
      for (const i of order) {
        for (const k of setsOf[i] ?? []) {
          const left = (missing[k] ?? 0) - 1;
          missing[k] = left;
          if (left === 0) {
            conv += sets.conv[k] ?? 0;
            jour += sets.journeys[k] ?? 0;
          }
        }
        const after = valueOf(kind, conv, jour);
        values[i] = (values[i] ?? 0) + (after - before) / samples;
        before = after;
      }
    }
    const delta = 1 - (options.confidence ?? 0.95);
    const range = kind === 'conversions' ? totalConv : 1;
    errorBound = range * Math.sqrt(Math.log((2 * n) / delta) / (2 * samples));
  }

  const sum = values.reduce((a, b) => a + b, 0);
  const valueMap = new Map(channels.map((c, i) => [c, values[i] ?? 0]));
  const credits = new Map(channels.map((c, i) => [c, sum !== 0 ? ((values[i] ?? 0) * totalConv) / sum : 0]));
  return { exact, values: valueMap, credits, errorBound, samples };
};
