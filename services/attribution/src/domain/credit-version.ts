import type { JourneyCredit } from './credit-journey';

/** The latest version of a conversion's credits under one model, as stored. */
export type StoredVersion = {
  readonly creditId: string;
  readonly version: number;
  readonly fingerprint: string;
};

/**
 * What identifies a computation's outcome: the revenue, the touches credited with their shares (to
 * 1e-12) and amounts, and the anchors. Touches with no share are left out: a late touch that gets
 * nothing (before the last touch under last touch) changes no number, so it makes no new version.
 */
export const fingerprint = (credit: JourneyCredit, revenue: string): string =>
  JSON.stringify([
    revenue,
    credit.credits
      .filter((c) => c.weight !== 0)
      .map((c) => [
        c.touchId,
        c.weight.toFixed(12),
        c.amountMinor?.toString() ?? null,
        c.interval ? [c.interval.low.toFixed(12), c.interval.high.toFixed(12)] : null,
      ]),
    credit.anchorsUsed.map((a) => [a.anchor, a.touchId, a.at]),
  ]);

/**
 * The next version of a conversion's credits: version 1 first, then a new version superseding the
 * previous one whenever a late or corrected fact changes the numbers; nothing when they did not
 * change (a redelivered or irrelevant event re-emits nothing).
 */
export const nextVersion = (
  previous: StoredVersion | undefined,
  fingerprintNow: string,
): { version: number; supersedes: string | null } | undefined => {
  if (previous === undefined) return { version: 1, supersedes: null };
  if (previous.fingerprint === fingerprintNow) return undefined;
  return { version: previous.version + 1, supersedes: previous.creditId };
};
