/**
 * The Gini coefficient of a distribution (0: everyone the same, towards 1: one takes all), from
 * the sorted values: G = (2 Σ i·x_i) / (n Σ x) − (n + 1) / n, i from 1. Zero for an empty or all-zero list.
 */
export const gini = (values: readonly number[]): number => {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((acc, x, i) => acc + (i + 1) * x, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
};
