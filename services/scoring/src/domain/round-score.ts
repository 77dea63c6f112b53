/**
 * Scores are reported with 2 decimals: decay yields fractions, and two decimals keep totals readable
 * while band edges stay exact (the band is read from the rounded total that users see).
 */
export const roundScore = (value: number): number => {
  const rounded = Math.round(value * 100) / 100;
  // Avoid -0 in events and snapshots.
  return rounded === 0 ? 0 : rounded;
};
