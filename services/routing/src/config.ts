import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: 'routing', port: 3003 }),
  CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  /** How often the held-lead worker looks for due timers (one index range scan). */
  HELD_TIMER_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** Held leads released per transaction. */
  HELD_TIMER_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
  /** Most leads a dry run replays. */
  DRY_RUN_MAX_LEADS: z.coerce.number().int().min(1).max(2_000_000).default(500_000),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
