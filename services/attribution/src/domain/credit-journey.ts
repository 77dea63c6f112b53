import { anchorTime, type AnchorKind } from './anchor';
import type { Journey, TouchKind } from './journey';
import { largestRemainder } from './largest-remainder';
import { isConserving, type RuleModel } from './rule-model';
import { ruleWeights } from './rule-weights';

export type Money = { readonly amountMinor: bigint; readonly currency: string };

export type TouchCredit = {
  readonly touchId: string;
  readonly channel: string;
  readonly campaignId: string | null;
  readonly kind: TouchKind;
  readonly at: number;
  readonly weight: number;
  /** Share of the revenue in minor units; null without revenue or for a non-conserving model. */
  readonly amountMinor: bigint | null;
  readonly anchors: readonly AnchorKind[];
  /** The confidence interval of the weight, for the models that have one (data-driven). */
  readonly interval?: { readonly low: number; readonly high: number };
};

export type AnchorUse = {
  readonly anchor: AnchorKind;
  readonly touchId: string | null;
  readonly at: number | null;
};

export type JourneyCredit = {
  readonly modelId: string;
  /** The touches with a share, in journey order (a touch a model gives nothing is not listed). */
  readonly credits: readonly TouchCredit[];
  /** Touches in the journey the model saw, credited or not. */
  readonly touchCount: number;
  readonly anchorsUsed: readonly AnchorUse[];
};

/** The credits of one conversion's journey under a rule model, revenue split to the minor unit. */
export const creditJourney = (model: RuleModel, journey: Journey, revenue: Money | null): JourneyCredit => {
  const { weights, anchorsAt, resolved } = ruleWeights(model, journey);
  const amounts =
    revenue && isConserving(model) && weights.length ? largestRemainder(revenue.amountMinor, weights) : null;
  return {
    modelId: model.id,
    touchCount: journey.touches.length,
    credits: journey.touches.flatMap((t, i) =>
      (weights[i] ?? 0) === 0
        ? []
        : [
            {
              touchId: t.id,
              channel: t.channel,
              campaignId: t.campaignId,
              kind: t.kind,
              at: t.at,
              weight: weights[i] ?? 0,
              amountMinor: amounts?.[i] ?? null,
              anchors: anchorsAt[i] ?? [],
            },
          ],
    ),
    anchorsUsed: resolved.map(({ anchor, index }) => ({
      anchor,
      touchId: index === undefined ? null : (journey.touches[index]?.id ?? null),
      at: anchorTime(anchor, journey),
    })),
  };
};

/** Sums credits by a key (channel, campaign...): weights as fractions of conversions, amounts in minor units. */
export const sumBy = (
  credits: readonly TouchCredit[],
  key: (c: TouchCredit) => string,
): Map<string, { weight: number; amountMinor: bigint }> => {
  const out = new Map<string, { weight: number; amountMinor: bigint }>();
  for (const c of credits) {
    const k = key(c);
    const cur = out.get(k) ?? { weight: 0, amountMinor: 0n };
    out.set(k, { weight: cur.weight + c.weight, amountMinor: cur.amountMinor + (c.amountMinor ?? 0n) });
  }
  return out;
};
