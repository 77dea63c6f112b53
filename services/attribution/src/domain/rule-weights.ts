import { resolveAnchor, type AnchorKind } from './anchor';
import type { Journey } from './journey';
import type { RuleModel } from './rule-model';

/** Each touch's share of the conversion under a rule model, and the anchors each stands at. */
export type Weighting = {
  readonly weights: readonly number[];
  readonly anchorsAt: readonly (readonly AnchorKind[])[];
  /** Where each of the model's anchors fell (undefined: the journey has no touch for it). */
  readonly resolved: readonly { readonly anchor: AnchorKind; readonly index: number | undefined }[];
};

/**
 * The rules, decided once for every anchored model:
 * - Anchors that fall on one touch add up there (one touch under position-based: 40 + 40, then the
 *   20 of the rest, see below, so 100).
 * - The rest share is spread evenly over the touches strictly between the first and the last
 *   anchor that resolved and that are no anchor themselves; with no anchors (linear), over every
 *   touch. Touches after the last anchor get nothing (U-shaped ends at lead creation, W-shaped at
 *   opportunity creation).
 * - What has nowhere to go (an anchor without a touch, a rest share without touches between the
 *   anchors: one or two touches) is shared among the touches that got something, in proportion:
 *   two touches under 40/40/20 get 50/50. So shares always sum to 1 when the journey has a touch.
 * - Repeated touches of one channel each count: a channel's credit is the sum of its touches'.
 * - A journey without touches has no weights: the conversion is reported as unattributed.
 * Time decay weighs each touch by 2^(-(conversion - touch) / half-life); normalised, the weights
 * are divided by their sum; un-normalised, they are the raw factors (not conserving).
 */
export const ruleWeights = (model: RuleModel, journey: Journey): Weighting => {
  const n = journey.touches.length;
  const anchorsAt: AnchorKind[][] = Array.from({ length: n }, () => []);
  if (n === 0) return { weights: [], anchorsAt, resolved: [] };
  if (model.kind === 'time_decay') {
    const raw = journey.touches.map((t) => 2 ** (-(journey.convertedAt - t.at) / model.halfLifeMs));
    const sum = raw.reduce((a, b) => a + b, 0);
    return { weights: model.normalized ? raw.map((w) => w / sum) : raw, anchorsAt, resolved: [] };
  }
  const w = new Array<number>(n).fill(0);
  const resolved = model.anchors.map(({ anchor, share }) => {
    const index = resolveAnchor(anchor, journey);
    if (index !== undefined) {
      w[index] = (w[index] ?? 0) + share;
      anchorsAt[index]?.push(anchor);
    }
    return { anchor, index };
  });
  const at = resolved.flatMap((r) => (r.index === undefined ? [] : [r.index]));
  const lo = at.length ? Math.min(...at) : -1;
  const hi = at.length ? Math.max(...at) : n;
  const middle: number[] = [];
  for (let i = lo + 1; i < hi; i++) if (!anchorsAt[i]?.length) middle.push(i);
  if (model.rest > 0) for (const i of middle) w[i] = (w[i] ?? 0) + model.rest / middle.length;
  const total = w.reduce((a, b) => a + b, 0);
  // A custom model whose only anchors found no touch: nothing resolved, so every touch shares alike.
  const weights = total > 0 ? w.map((x) => x / total) : w.map(() => 1 / n);
  return { weights, anchorsAt, resolved };
};
