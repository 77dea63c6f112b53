import { parseEnv, platformEnv } from '@smarketing/config';
import { z } from 'zod';

/** The only reader of process.env in this service: validated once at start-up, typed everywhere else. */
const schema = z.object({
  ...platformEnv({ service: 'ingestion', port: 3001 }),
  /** Optional dev write key for the source `dev` (Segment Basic-auth username); hashed at start-up. */
  INGESTION_DEV_WRITE_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Requests per source per window before 429 (a key may set its own limit). */
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(1_000),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(1_000),
  /** How long a looked-up key stays cached; revocations take effect on other replicas within it. */
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5_000),
  /**
   * Group commit of Segment calls: requests arriving while writes are in flight share the next
   * transaction, up to this many events (each request is still answered after its own commit).
   */
  WRITE_GROUP_MAX_EVENTS: z.coerce.number().int().min(1).default(2_000),
  /** Shared write transactions in flight at once (at most DB_POOL_SIZE - 2 is sensible). */
  WRITE_GROUP_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  /**
   * Days an idempotency key (source + messageId) is remembered; a repeat after that is accepted
   * again (Segment itself keeps at least 24 hours). 0 keeps keys forever.
   */
  IDEMPOTENCY_RETENTION_DAYS: z.coerce.number().int().min(0).default(30),
  /** Largest accepted request body (Segment's batch limit is 500 KB). */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).default(512_000),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseEnv(schema, env);
}
