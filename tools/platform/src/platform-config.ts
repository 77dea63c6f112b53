import { STACKS } from '@smarketing/config';
import type { RetentionProfile } from '@smarketing/contracts';
import { z } from 'zod';

const schema = z.object({
  KAFKA_BROKERS: z.string().min(1).default(STACKS.dev.kafkaBrokers),
  SCHEMA_REGISTRY_URL: z.url().default(STACKS.dev.schemaRegistryUrl),
  TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(6),
  TOPIC_REPLICATION: z.coerce.number().int().min(1).default(1),
  // production keeps the platform's facts without limit; local (the laptop stack) bounds them.
  TOPIC_RETENTION_PROFILE: z.enum(['production', 'local']).default('production'),
});

/** Settings of the platform tools, validated once. */
export type PlatformConfig = {
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly partitions: number;
  readonly replication: number;
  /** Which column of libs/contracts RETENTION the topics get. */
  readonly retentionProfile: RetentionProfile;
};

/** Reads and validates the tools' environment (the only reader of process.env in tools/platform). */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${issues}`);
  }
  const e = parsed.data;
  return {
    brokers: e.KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    registryUrl: e.SCHEMA_REGISTRY_URL.replace(/\/+$/, ''),
    partitions: e.TOPIC_PARTITIONS,
    replication: e.TOPIC_REPLICATION,
    retentionProfile: e.TOPIC_RETENTION_PROFILE,
  };
}
