import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: 'scoring', port: 3002 }),
  /** Admin API key (publish and compare models). Only its hash is kept; unset disables the admin API. */
  SCORING_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Read-scope API key (lead scores, model listing). */
  SCORING_READ_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  /** Leads re-scored per transaction after a model publication. */
  RESCORE_CHUNK_SIZE: z.coerce.number().int().min(10).max(20_000).default(1_000),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
