import { z } from 'zod';

const modelId = z.string().regex(/^[a-z0-9]+([_-][a-z0-9]+)*$/, 'must be a model id (lower-case slug)');
const version = z.coerce.number().int('must be an integer').min(1, 'must be >= 1');

export const modelVersionParams = z.object({ id: modelId, v: version });

export const publishQuery = z.object({
  default: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const compareBody = z.strictObject({
  models: z
    .array(
      z.strictObject({
        modelId,
        version: z.number().int('must be an integer').min(1, 'must be >= 1').optional(),
      }),
    )
    .min(2, 'compare at least two models')
    .max(10, 'compare at most 10 models'),
  at: z.number().int('must be epoch milliseconds').nonnegative().optional(),
  maxBandChanges: z.number().int().min(0).max(10_000).default(100),
});

export const leadScoreParams = z.object({
  leadId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

export const leadScoreQuery = z
  .object({ modelId: modelId.optional(), version: version.optional() })
  .refine((q) => q.version === undefined || q.modelId !== undefined, {
    message: 'version needs modelId',
    path: ['version'],
  });

export const jobParams = z.object({ jobId: z.uuid('must be a UUID') });

const accountTier = z.enum(['tier_1', 'tier_2', 'tier_3', 'untiered', 'excluded']);
const accountBand = z.enum(['hot', 'warm', 'cold', 'excluded']);

export const accountParams = z.object({
  accountId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

export const accountListQuery = z.object({
  tier: accountTier.optional(),
  band: accountBand.optional(),
  limit: z.coerce
    .number()
    .int('must be an integer')
    .min(1, 'must be >= 1')
    .max(500, 'must be <= 500')
    .default(50),
  after: z.string().min(1).max(200).optional(),
});

export const icpVersionParams = z.object({ id: modelId, v: version });

export const publishIcpQuery = z.object({
  current: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

const epochMs = z.number().int('must be epoch milliseconds').nonnegative('must be >= 0');
const documentObject = z.record(z.string(), z.unknown());

/** Exactly one candidate: a scoring model document, a published model version, or an ICP document. */
export const backtestBody = z
  .strictObject({
    candidate: z
      .strictObject({
        model: documentObject.optional(),
        modelRef: z
          .strictObject({
            modelId,
            version: z.number().int('must be an integer').min(1, 'must be >= 1').optional(),
          })
          .optional(),
        icp: documentObject.optional(),
      })
      .refine(
        (c) => [c.model, c.modelRef, c.icp].filter((x) => x !== undefined).length === 1,
        'give exactly one of model (a scoring model document), modelRef (a published version) or icp (an ICP document)',
      ),
    from: epochMs,
    to: epochMs,
    sampleSize: z.number().int('must be an integer').min(0).max(1_000, 'must be <= 1000').default(20),
  })
  .refine((b) => b.from <= b.to, { message: 'must be <= to', path: ['from'] });
