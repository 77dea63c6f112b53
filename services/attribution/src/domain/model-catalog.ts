import type { AnchorKind } from './anchor';
import type { RuleFamily, RuleModel, TouchScope } from './rule-model';

const DAY_MS = 86_400_000;

/** A model as the settings document names it; `ruleModel` resolves it and names its id. */
export type ModelSpec =
  | {
      readonly family: Exclude<RuleFamily, 'time_decay' | 'time_decay_unnormalized' | 'custom'>;
      readonly touches?: TouchScope;
    }
  | {
      readonly family: 'time_decay' | 'time_decay_unnormalized';
      readonly halfLifeDays?: number;
      readonly touches?: TouchScope;
    }
  | {
      readonly family: 'custom';
      readonly name: string;
      /** Percent shares per anchor and for the rest; they must sum to 100. */
      readonly shares: Partial<Record<AnchorKind | 'rest', number>>;
      readonly touches?: TouchScope;
    };

type Anchored = { anchors: [AnchorKind, number][]; rest: number };

/** The standard shapes, percent shares per anchor then the rest (HubSpot, Marketo Measure, Dreamdata definitions). */
const SHAPES: Record<Exclude<RuleFamily, 'time_decay' | 'time_decay_unnormalized' | 'custom'>, Anchored> = {
  first_touch: { anchors: [['first', 100]], rest: 0 },
  last_touch: { anchors: [['last', 100]], rest: 0 },
  linear: { anchors: [], rest: 100 },
  // U-shaped is first + lead creation (HubSpot, Marketo Measure); first + last is position-based.
  u_shaped: {
    anchors: [
      ['first', 40],
      ['lead_creation', 40],
    ],
    rest: 20,
  },
  position_based: {
    anchors: [
      ['first', 40],
      ['last', 40],
    ],
    rest: 20,
  },
  w_shaped: {
    anchors: [
      ['first', 30],
      ['lead_creation', 30],
      ['opportunity_creation', 30],
    ],
    rest: 10,
  },
  full_path: {
    anchors: [
      ['first', 22.5],
      ['lead_creation', 22.5],
      ['opportunity_creation', 22.5],
      ['closed_won', 22.5],
    ],
    rest: 10,
  },
  j_shaped: {
    anchors: [
      ['first', 20],
      ['last', 60],
    ],
    rest: 20,
  },
  inverse_j: {
    anchors: [
      ['first', 60],
      ['last', 20],
    ],
    rest: 20,
  },
};

const pct = (n: number): string => String(n);
const scopeSuffix = (touches: TouchScope): string => (touches === 'with_sales' ? ':with_sales' : '');

/** `u_shaped:first+lead_creation:40/40/20`: the family, its anchors and shares (anchors in order, then the rest). */
const anchoredId = (family: string, shape: Anchored, touches: TouchScope): string => {
  if (family === 'first_touch' || family === 'last_touch' || family === 'linear')
    return `${family}${scopeSuffix(touches)}`;
  const anchors = shape.anchors.map(([a]) => a).join('+');
  const shares = [...shape.anchors.map(([, s]) => s), shape.rest].map(pct).join('/');
  return `${family}:${anchors}:${shares}${scopeSuffix(touches)}`;
};

const anchored = (family: RuleFamily, shape: Anchored, touches: TouchScope, id?: string): RuleModel => ({
  kind: 'anchored',
  id: id ?? anchoredId(family, shape, touches),
  family,
  anchors: shape.anchors.map(([anchor, share]) => ({ anchor, share: share / 100 })),
  rest: shape.rest / 100,
  touches,
});

/** Resolves a spec to a model whose id names its anchors and parameters. */
export const ruleModel = (spec: ModelSpec): RuleModel => {
  const touches = spec.touches ?? 'marketing';
  switch (spec.family) {
    case 'time_decay':
    case 'time_decay_unnormalized': {
      const days = spec.halfLifeDays ?? 7;
      const normalized = spec.family === 'time_decay';
      return {
        kind: 'time_decay',
        id: `${spec.family}:half_life=P${days}D${normalized ? ':normalized' : ''}${scopeSuffix(touches)}`,
        family: spec.family,
        halfLifeMs: days * DAY_MS,
        normalized,
        touches,
      };
    }
    case 'custom': {
      const order = [...(Object.keys(spec.shares) as (AnchorKind | 'rest')[])].filter((k) => k !== 'rest');
      const shape: Anchored = {
        anchors: order.map((a) => [a as AnchorKind, spec.shares[a] ?? 0]),
        rest: spec.shares.rest ?? 0,
      };
      const body = anchoredId('custom', shape, touches).slice('custom:'.length);
      return anchored('custom', shape, touches, `custom:${spec.name}:${body}`);
    }
    default:
      return anchored(spec.family, SHAPES[spec.family], touches);
  }
};

/** Every standard rule model with its default parameters (time decay: 7-day half-life). */
export const STANDARD_MODEL_SPECS: readonly ModelSpec[] = [
  { family: 'first_touch' },
  { family: 'last_touch' },
  { family: 'linear' },
  { family: 'u_shaped' },
  { family: 'position_based' },
  { family: 'w_shaped' },
  { family: 'full_path' },
  { family: 'time_decay' },
  { family: 'time_decay_unnormalized' },
  { family: 'j_shaped' },
  { family: 'inverse_j' },
];
