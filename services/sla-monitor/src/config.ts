import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: 'sla-monitor', port: 3004 }),
  CONSUMER_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  /** Timers claimed per transaction by the timer worker. */
  TIMER_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** How often an idle timer worker looks for due timers (bounds the lateness of a firing). */
  TIMER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  /** Rounds the worker runs at once (each its own transaction and connection). */
  TIMER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Off: no timer fires in this process (a replica that only consumes, or a test that drives rounds itself). */
  TIMER_WORKER: z.enum(['on', 'off']).default('on'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
