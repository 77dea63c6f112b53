import type { Journey, Touch, TouchKind } from '../journey';
import type { Path } from '../path';

export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A journey of the given channels one hour apart, converting an hour after the last. */
export const journeyOf = (
  channels: readonly string[],
  over: Partial<Omit<Journey, 'touches'>> & { kinds?: readonly TouchKind[] } = {},
): Journey => {
  const touches: Touch[] = channels.map((channel, i) => ({
    id: `t${String(i).padStart(3, '0')}`,
    leadId: 'lead-1',
    at: T0 + i * HOUR,
    channel,
    campaignId: null,
    kind: over.kinds?.[i] ?? 'touchpoint',
  }));
  return {
    touches,
    milestones: over.milestones ?? { leadCreatedAt: null, opportunityCreatedAt: null, wonAt: null },
    convertedAt: over.convertedAt ?? T0 + channels.length * HOUR,
  };
};

/** "a > b > c" with conversions and nulls. */
export const path = (text: string, conversions: number, nulls = 0): Path => ({
  channels: text.split('>').map((c) => c.trim()),
  conversions,
  nulls,
});

/** Adds up `f(journey)`'s per-channel weights over several journeys, each counted `times`. */
export const sumChannels = (
  rows: readonly { journey: Journey; times: number }[],
  weights: (j: Journey) => readonly number[],
): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const { journey, times } of rows)
    weights(journey).forEach((w, i) => {
      const c = journey.touches[i]?.channel ?? '?';
      out[c] = (out[c] ?? 0) + w * times;
    });
  return out;
};

export const expectClose = (
  actual: Record<string, number> | ReadonlyMap<string, number>,
  expected: Record<string, number>,
) => {
  const a = actual instanceof Map ? Object.fromEntries(actual) : (actual as Record<string, number>);
  expect(Object.keys(a).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) expect(a[k]).toBeCloseTo(v, 9);
};
