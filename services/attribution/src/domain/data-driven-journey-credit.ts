import type { Interval } from './bootstrap';
import type { JourneyCredit, Money, TouchCredit } from './credit-journey';
import type { Journey } from './journey';
import { largestRemainder } from './largest-remainder';

export type ChannelWeight = { readonly credit: number; readonly interval: Interval | null };

/**
 * One conversion's credits under a data-driven model fitted over a period: the channels of its
 * journey share the conversion in proportion to their fitted credits (removal effects or Shapley
 * values, as conversions), each channel's share split evenly over its touches; the revenue by
 * largest remainder. A touch's interval is its weight with its channel's credit at the bootstrap
 * bounds and the other channels at their estimates. A journey whose channels all have no credit
 * shares alike (the model has nothing to tell them apart).
 */
export const dataDrivenJourneyCredit = (
  modelId: string,
  journey: Journey,
  fitted: ReadonlyMap<string, ChannelWeight>,
  revenue: Money | null,
): JourneyCredit => {
  const n = journey.touches.length;
  const touchesOf = new Map<string, number>();
  for (const t of journey.touches) touchesOf.set(t.channel, (touchesOf.get(t.channel) ?? 0) + 1);
  const credit = (c: string) => Math.max(0, fitted.get(c)?.credit ?? 0);
  const total = [...touchesOf.keys()].reduce((a, c) => a + credit(c), 0);
  const weightOf = (c: string, own: number, others: number) =>
    total > 0 ? own / (own + others) / (touchesOf.get(c) ?? 1) : 1 / n;
  const weights = journey.touches.map((t) =>
    weightOf(t.channel, credit(t.channel), total - credit(t.channel)),
  );
  const amounts = revenue && n ? largestRemainder(revenue.amountMinor, weights) : null;
  const credits: TouchCredit[] = journey.touches.flatMap((t, i) => {
    const weight = weights[i] ?? 0;
    if (weight === 0) return [];
    const interval = fitted.get(t.channel)?.interval ?? null;
    const others = total - credit(t.channel);
    const bound = (x: number) => (total > 0 ? weightOf(t.channel, Math.max(0, x), others) : weight);
    return [
      {
        touchId: t.id,
        channel: t.channel,
        campaignId: t.campaignId,
        kind: t.kind,
        at: t.at,
        weight,
        amountMinor: amounts?.[i] ?? null,
        anchors: [],
        ...(interval ? { interval: { low: bound(interval.low), high: bound(interval.high) } } : {}),
      },
    ];
  });
  return { modelId, credits, touchCount: n, anchorsUsed: [] };
};
