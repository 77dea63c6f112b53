import type { ScoreBand } from './band';
import type { BandThreshold } from './scoring-model';

/** The first band (highest threshold first) whose minimum the total reaches; below all thresholds is "cold". */
export const bandForTotal = (bands: readonly BandThreshold[], total: number): ScoreBand => {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((threshold) => total >= threshold.min)?.band ?? 'cold';
};
