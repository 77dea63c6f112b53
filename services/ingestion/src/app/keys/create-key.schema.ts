import { z } from 'zod';
import { SCOPES } from './api-key';

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const createKeySchema = z
  .object(
    {
      kind: z.enum(['write', 'api'], { error: 'must be "write" or "api"' }),
      name,
      /** Source name carried by the events; defaults to the key name. */
      source: z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'must be a lower-case slug such as website or salesforce')
        .optional(),
      scopes: z
        .array(z.enum(SCOPES as [string, ...string[]], { error: 'must be one of ingest, admin, read' }))
        .max(3)
        .optional(),
      /** Require Standard Webhooks signatures from this source. */
      signed: z.boolean({ error: 'must be a boolean' }).default(false),
      rateLimitPerWindow: z.number().int().min(1).max(1_000_000).optional(),
    },
    { error: 'must be an object' },
  )
  .strict();

export type CreateKeyInput = z.output<typeof createKeySchema>;
