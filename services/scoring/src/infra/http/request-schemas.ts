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
