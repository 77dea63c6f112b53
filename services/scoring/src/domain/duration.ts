/** Model documents speak in days; the domain computes in epoch milliseconds. */
export const DAY_MS = 86_400_000;
