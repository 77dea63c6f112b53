import { solveLinear } from './linear-system';
import { totalConversions, type ChannelCredits, type Path } from './path';
import { channelOfState } from './path-transform';

export type MarkovResult = {
  /** P(conversion) from the start state of the fitted chain. */
  readonly conversionProbability: number;
  /** 1 - P(conversion without the channel) / P(conversion), per channel. */
  readonly removalEffects: ChannelCredits;
  /** Conversions credited: the paths' conversions in proportion to the removal effects. */
  readonly credits: ChannelCredits;
};

/** A dense solve is cubic in the states: beyond this, a higher order is refused rather than hung on. */
export const MAX_STATES = 1_500;

/**
 * The removal-effect model on the absorbing Markov chain fitted to the paths, solved exactly: the
 * probability of absorption in "conversion" is the solution of (I - Q) x = r over the transient
 * states (Q: transitions between them, r: into conversion), not a simulation, so loops are never
 * truncated. Removing a channel makes each state of it lead to "null". With `order` k > 1 a state
 * is the last k channels (shorter at the start of a path); a state is removed when it holds the
 * channel. Paths without channels carry no information about channels and are left out.
 */
export const markovAttribution = (paths: readonly Path[], order = 1): MarkovResult => {
  if (!Number.isInteger(order) || order < 1) throw new RangeError('order must be an integer >= 1');
  const used = paths.filter((p) => p.channels.length > 0 && p.conversions + p.nulls > 0);
  const channels = [...new Set(used.flatMap((p) => p.channels.map(channelOfState)))].sort();
  const index = new Map<string, number>();
  const states: string[] = [];
  const stateOf = (key: string): number => {
    let i = index.get(key);
    if (i === undefined) {
      i = states.length;
      index.set(key, i);
      states.push(key);
    }
    return i;
  };
  // Sparse counts: from -> (to -> weight); to = -1 conversion, -2 null.
  const counts = new Map<number, Map<number, number>>();
  const add = (from: number, to: number, w: number) => {
    let row = counts.get(from);
    if (!row) counts.set(from, (row = new Map()));
    row.set(to, (row.get(to) ?? 0) + w);
  };
  const startCounts = new Map<number, number>();
  for (const p of used) {
    const w = p.conversions + p.nulls;
    let prev = -1;
    p.channels.forEach((_, i) => {
      const key = p.channels.slice(Math.max(0, i - order + 1), i + 1).join('\u001f');
      const s = stateOf(key);
      if (prev < 0) startCounts.set(s, (startCounts.get(s) ?? 0) + w);
      else add(prev, s, w);
      prev = s;
    });
    if (p.conversions) add(prev, -1, p.conversions);
    if (p.nulls) add(prev, -2, p.nulls);
  }
  const startTotal = [...startCounts.values()].reduce((a, b) => a + b, 0);
  const stateChannels = states.map((s) => new Set(s.split('\u001f').map(channelOfState)));

  /** P(conversion) from start with the states of `removed` (a channel, or none) leading to null. */
  const conversionProbability = (removed: string | undefined): number => {
    const keep: number[] = [];
    const pos = new Int32Array(states.length).fill(-1);
    states.forEach((_, i) => {
      if (removed === undefined || !stateChannels[i]?.has(removed)) {
        pos[i] = keep.length;
        keep.push(i);
      }
    });
    const n = keep.length;
    if (n === 0 || startTotal === 0) return 0;
    if (n > MAX_STATES)
      throw new RangeError(`the chain has ${n} states, more than ${MAX_STATES}: use a lower order`);
    const a = new Float64Array(n * n);
    const b = new Float64Array(n);
    keep.forEach((s, r) => {
      a[r * n + r] = 1;
      const row = counts.get(s);
      if (!row) return;
      let out = 0;
      for (const w of row.values()) out += w;
      for (const [to, w] of row) {
        if (to === -1) b[r] = (b[r] ?? 0) + w / out;
        else if (to >= 0) {
          const c = pos[to] ?? -1;
          if (c >= 0) a[r * n + c] = (a[r * n + c] ?? 0) - w / out;
        }
      }
    });
    const x = solveLinear(a, b, n);
    let p = 0;
    for (const [s, w] of startCounts) {
      const c = pos[s] ?? -1;
      if (c >= 0) p += (w / startTotal) * (x[c] ?? 0);
    }
    return p;
  };

  const base = conversionProbability(undefined);
  const removalEffects = new Map<string, number>();
  for (const c of channels)
    removalEffects.set(c, base > 0 ? Math.max(0, 1 - conversionProbability(c) / base) : 0);
  const sum = [...removalEffects.values()].reduce((a, b) => a + b, 0);
  const conversions = totalConversions(used);
  const credits = new Map<string, number>();
  for (const [c, re] of removalEffects) credits.set(c, sum > 0 ? (conversions * re) / sum : 0);
  return { conversionProbability: base, removalEffects, credits };
};
