import type { Touchpoint, TouchpointType } from './lead-signals';

/**
 * Most recent touchpoints per type as [occurredAt, touchpointId], newest first. Bounded per type so
 * that a lead's row (and the cost of scoring it) does not grow with its activity.
 */
export type TouchpointHistory = Partial<Record<TouchpointType, [number, string][]>>;

/**
 * Kept per touchpoint type. "once" rules need the minCount most recent qualifying touchpoints;
 * models asking for more are refused at publication (see checkModelFitsRetention).
 */
export const TOUCHPOINT_RETENTION = 100;

const newestFirst = (a: [number, string], b: [number, string]): number =>
  b[0] - a[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/** Adds touchpoints (a repeated touchpointId is kept once), keeping the newest TOUCHPOINT_RETENTION per type. */
export const addTouchpoints = (
  history: TouchpointHistory,
  touchpoints: readonly Touchpoint[],
): TouchpointHistory => {
  const next: TouchpointHistory = { ...history };
  for (const t of touchpoints) {
    const list = next[t.type] ?? [];
    if (list.some(([, id]) => id === t.touchpointId)) continue;
    const last = list[list.length - 1];
    if (list.length >= TOUCHPOINT_RETENTION && last !== undefined && t.occurredAt <= last[0]) continue;
    next[t.type] = [...list, [t.occurredAt, t.touchpointId] as [number, string]]
      .sort(newestFirst)
      .slice(0, TOUCHPOINT_RETENTION);
  }
  return next;
};

export const mergeHistories = (into: TouchpointHistory, from: TouchpointHistory): TouchpointHistory =>
  addTouchpoints(into, toTouchpoints(from));

export const toTouchpoints = (history: TouchpointHistory): Touchpoint[] =>
  Object.entries(history).flatMap(([type, list]) =>
    (list ?? []).map(([occurredAt, touchpointId]) => ({
      type: type as TouchpointType,
      occurredAt,
      touchpointId,
    })),
  );
