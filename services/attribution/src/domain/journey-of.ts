import { byJourneyOrder, type Journey, type Milestones, type Touch } from './journey';
import type { TouchScope } from './rule-model';

export type JourneyWindow = {
  /** Touches older than this before the conversion are out of the journey. */
  readonly lookbackDays: number;
};

const DAY_MS = 86_400_000;

/**
 * The journey of a conversion: the touches of its scope (already drawn: a lead, an account's leads
 * or an opportunity's contacts) within the lookback window, up to and including the conversion's
 * time, in journey order; touches after the conversion belong to later conversions. A model that
 * counts only marketing touches drops the sales activities.
 */
export const journeyOf = (
  touches: Iterable<Touch>,
  convertedAt: number,
  milestones: Milestones,
  window: JourneyWindow,
  scope: TouchScope,
): Journey => {
  const from = convertedAt - window.lookbackDays * DAY_MS;
  const kept: Touch[] = [];
  const seen = new Set<string>();
  for (const t of touches) {
    if (t.at < from || t.at > convertedAt || seen.has(t.id)) continue;
    if (scope === 'marketing' && t.kind !== 'touchpoint') continue;
    seen.add(t.id);
    kept.push(t);
  }
  kept.sort(byJourneyOrder);
  return { touches: kept, milestones, convertedAt };
};
