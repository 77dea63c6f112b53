import { z } from 'zod';
import { kafkaCredentialsRule, kafkaEnv } from './kafka-env';
import { POSTGRES_SERVER, STACKS } from './stacks';

export * from './stacks';
export * from './kafka-env';

/**
 * The environment every service reads, with the local stack's defaults: spread it into the
 * service's own schema (`z.object({ ...platformEnv({ service: 'scoring', port: 3002 }), ... })`).
 */
export function platformEnv(o: { readonly service: string; readonly port: number }) {
  return {
    /** 0 picks a free port (tests). */
    PORT: z.coerce.number().int().min(0).max(65_535).default(o.port),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .url()
      .default(`${POSTGRES_SERVER}/smarketing_${o.service.replaceAll('-', '_')}`),
    ...kafkaEnv(),
    SCHEMA_REGISTRY_URL: z.string().url().default(STACKS.dev.schemaRegistryUrl),
    CONSUMER_GROUP: z.string().default(o.service),
    /** The outbox relay's pause after a partial round, so close commits share one produce request. */
    OUTBOX_RELAY_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(100),
    DB_POOL_SIZE: z.coerce.number().int().min(2).max(100).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * The platform's API keys, the same in every service: comma-separated `<scope>[+<scope>…]:<key>`
     * entries. libs/http parses, hashes and verifies them at start-up (its README has the format).
     */
    API_KEYS: z.string().default(''),
  };
}

/**
 * Validates the environment once at start-up (the service's only reader of process.env) and
 * throws one error naming every bad variable. It also applies the rules that span several platform
 * variables (Kafka credentials: {@link kafkaCredentialsRule}), so no service restates them.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  // `when`: also with other variables invalid, so one error still names every bad one.
  const parsed = schema.superRefine(kafkaCredentialsRule, { when: () => true }).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
