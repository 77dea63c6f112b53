import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: 'scoring', port: 3002 }),
  CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  /** Leads re-scored per transaction after a model publication. */
  RESCORE_CHUNK_SIZE: z.coerce.number().int().min(10).max(20_000).default(1_000),
  /**
   * How often queued accounts are rolled up: an account touched many times within it is re-scored
   * (and emits account-scored) once. A backlog is worked off without waiting. 5 s: an account's
   * score follows its leads within seconds (routing's account conditions and Tier 1 coverage need no
   * more), and its leads' bursts of events coalesce into fewer account-scored events (the cost per
   * lead event in docs/performance.md, at 1 s and at 5 s).
   */
  ACCOUNT_ROLLUP_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(5_000),
  /** Queued account changes claimed per roll-up transaction. */
  ACCOUNT_ROLLUP_BATCH_SIZE: z.coerce.number().int().min(1).max(50_000).default(5_000),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
