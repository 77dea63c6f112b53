/**
 * How a journey's touches become a path before a data-driven model reads it (Anderl et al., 2016):
 * - `unique`: every touch as it happened (A > A > B stays A > A > B);
 * - `exposure`: consecutive repeats of a channel collapse (A > A > B > A becomes A > B > A);
 * - `first`: each channel at its first occurrence only (A > B > A becomes A > B);
 * - `frequency`: as `first`, each channel tagged with how often it occurred (A > B > A becomes
 *   A#2 > B#1), so a Markov chain tells one exposure from several. Credits fold back to the channel.
 */
export type PathTransform = 'unique' | 'exposure' | 'first' | 'frequency';

export const PATH_TRANSFORMS: readonly PathTransform[] = ['unique', 'exposure', 'first', 'frequency'];

const FREQ = '#';

export const transformPath = (channels: readonly string[], transform: PathTransform): string[] => {
  switch (transform) {
    case 'unique':
      return [...channels];
    case 'exposure':
      return channels.filter((c, i) => i === 0 || channels[i - 1] !== c);
    case 'first':
      return [...new Set(channels)];
    case 'frequency': {
      const counts = new Map<string, number>();
      for (const c of channels) counts.set(c, (counts.get(c) ?? 0) + 1);
      return [...counts].map(([c, n]) => `${c}${FREQ}${n}`);
    }
    default: {
      const never: never = transform;
      throw new Error(`unknown path transform ${String(never)}`);
    }
  }
};

/** The channel a path state stands for (a frequency-tagged state folds back to its channel). */
export const channelOfState = (state: string): string => {
  const i = state.lastIndexOf(FREQ);
  return i < 0 ? state : state.slice(0, i);
};
