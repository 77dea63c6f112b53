// Medians over a roll-up cannot be summed, but bucket counts can: a duration lands in a bucket and
// the median is read back as the lower edge of the bucket holding the middle value. Resolution:
// a quarter hour under a day, an hour under a week, a day beyond.
const QUARTER_HOURS = 24 * 4;
const HOURS = 6 * 24;

/** The bucket of a duration in hours (>= 0). */
export function bucketOf(hours: number): number {
  const h = Math.max(0, hours);
  if (h < 24) return Math.floor(h * 4);
  if (h < 168) return QUARTER_HOURS + Math.floor(h - 24);
  return QUARTER_HOURS + HOURS + Math.floor((h - 168) / 24);
}

/** The lower edge (hours) of a bucket. */
export function bucketStart(bucket: number): number {
  if (bucket < QUARTER_HOURS) return bucket / 4;
  if (bucket < QUARTER_HOURS + HOURS) return 24 + (bucket - QUARTER_HOURS);
  return 168 + (bucket - QUARTER_HOURS - HOURS) * 24;
}

/** The median of a histogram (bucket → count): the lower edge of the bucket of the ⌈n/2⌉-th value. */
export function medianOf(counts: ReadonlyMap<number, number>): number | null {
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  if (n <= 0) return null;
  const middle = Math.ceil(n / 2);
  let seen = 0;
  for (const b of [...counts.keys()].sort((x, y) => x - y)) {
    seen += counts.get(b)!;
    if (seen >= middle) return bucketStart(b);
  }
  return null;
}
