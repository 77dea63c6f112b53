import type { AnchorKind } from './anchor';

/** The families a rule model belongs to (the `model` symbol of attribution-credited). */
export type RuleFamily =
  | 'first_touch'
  | 'last_touch'
  | 'linear'
  | 'u_shaped'
  | 'position_based'
  | 'w_shaped'
  | 'full_path'
  | 'time_decay'
  | 'time_decay_unnormalized'
  | 'j_shaped'
  | 'inverse_j'
  | 'custom';

/** Which touches a model sees: marketing touchpoints only, or sales activities too (offline touches). */
export type TouchScope = 'marketing' | 'with_sales';

/**
 * A rule model, resolved: either fixed shares at anchors plus a `rest` share spread evenly over the
 * touches between the first and the last anchor that resolved (every touch when there are no
 * anchors: linear), or exponential time decay towards the conversion.
 */
export type RuleModel =
  | {
      readonly kind: 'anchored';
      readonly id: string;
      readonly family: RuleFamily;
      readonly anchors: readonly { readonly anchor: AnchorKind; readonly share: number }[];
      readonly rest: number;
      readonly touches: TouchScope;
    }
  | {
      readonly kind: 'time_decay';
      readonly id: string;
      readonly family: 'time_decay' | 'time_decay_unnormalized';
      readonly halfLifeMs: number;
      /** Normalised: shares sum to 1. Un-normalised: each touch's raw decay factor 2^(-age/half-life). */
      readonly normalized: boolean;
      readonly touches: TouchScope;
    };

/** Whether a model's credits sum to the conversion (and its revenue). */
export const isConserving = (model: RuleModel): boolean => model.kind === 'anchored' || model.normalized;
