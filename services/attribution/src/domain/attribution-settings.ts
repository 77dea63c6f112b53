import { z } from 'zod';
import { ANCHOR_KINDS } from './anchor';
import type { ConversionKind } from './conversion';
import type { DataDrivenSpec } from './data-driven';
import { ruleModel, type ModelSpec } from './model-catalog';
import { PATH_TRANSFORMS } from './path-transform';

/**
 * The attribution settings document (versioned; `models/*.json` seeds version 1): which rule models
 * credit each conversion, the journey's lookback window and buying group, the data-driven models
 * and their bootstrap.
 */
export type AttributionSettings = {
  readonly version: number;
  readonly lookbackDays: number;
  readonly buyingGroup: 'account' | 'opportunity_contacts';
  readonly conversions: readonly ConversionKind[];
  readonly models: readonly ModelSpec[];
  readonly dataDriven: readonly DataDrivenSpec[];
  readonly bootstrap: { readonly replicates: number; readonly confidence: number; readonly seed: number };
};

const touches = z.enum(['marketing', 'with_sales']).optional();
const fixedFamily = z.enum([
  'first_touch',
  'last_touch',
  'linear',
  'u_shaped',
  'position_based',
  'w_shaped',
  'full_path',
  'j_shaped',
  'inverse_j',
]);
const share = z.number().min(0, 'must be >= 0').max(100, 'must be <= 100');

/** One model of the settings (or of an ad-hoc request). */
export const modelSpecSchema = z.union([
  z.strictObject({ family: fixedFamily, touches }),
  z.strictObject({
    family: z.enum(['time_decay', 'time_decay_unnormalized']),
    halfLifeDays: z.number().positive('must be > 0').max(3650, 'must be at most 3650').optional(),
    touches,
  }),
  z.strictObject({
    family: z.literal('custom'),
    name: z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a lower-case slug'),
    shares: z
      .partialRecord(z.enum([...ANCHOR_KINDS, 'rest']), share)
      .refine((s) => Math.abs(Object.values(s).reduce((a, b) => a + (b ?? 0), 0) - 100) < 1e-9, {
        message: 'shares must sum to 100',
      }),
    touches,
  }),
]);

const transform = z.enum(PATH_TRANSFORMS as [string, ...string[]]).optional();
const dataDrivenSpec = z.discriminatedUnion('model', [
  z.strictObject({
    model: z.literal('markov'),
    order: z.number().int('must be an integer').min(1, 'must be >= 1').max(4, 'must be <= 4').optional(),
    transform,
  }),
  z.strictObject({
    model: z.literal('shapley'),
    value: z.enum(['conversions', 'conversion_rate']).optional(),
    maxExactChannels: z.number().int().min(1).max(20, 'must be <= 20 (2^20 coalitions)').optional(),
    samples: z.number().int().min(100, 'must be >= 100').max(1_000_000).optional(),
    transform,
  }),
]);

export const attributionSettingsSchema = z
  .strictObject({
    version: z.number().int('must be an integer').min(1, 'must be >= 1'),
    lookbackDays: z.number().int('must be an integer').min(1, 'must be >= 1').max(730, 'must be <= 730'),
    buyingGroup: z.enum(['account', 'opportunity_contacts']),
    conversions: z
      .array(z.enum(['mql', 'sql', 'opportunity', 'won']))
      .min(1, 'must list at least one conversion'),
    models: z.array(modelSpecSchema).min(1, 'must list at least one model'),
    dataDriven: z.array(dataDrivenSpec),
    bootstrap: z.strictObject({
      replicates: z.number().int().min(0).max(2_000, 'must be <= 2000'),
      confidence: z.number().gt(0).lt(1),
      seed: z.number().int(),
    }),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.models.forEach((m, i) => {
      const id = ruleModel(m as ModelSpec).id;
      if (ids.has(id))
        ctx.addIssue({ code: 'custom', path: ['models', i], message: `duplicates model ${id}` });
      ids.add(id);
    });
  });

/** Parses a settings document; throws zod's error naming each bad field. */
export const parseAttributionSettings = (doc: unknown): AttributionSettings =>
  attributionSettingsSchema.parse(doc) as AttributionSettings;
