import { STACKS } from '@smarketing/config';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

const schema = z.object({
  KAFKA_BROKERS: z.string().min(1).default(STACKS.dev.kafkaBrokers),
  SCHEMA_REGISTRY_URL: z.url().default(STACKS.dev.schemaRegistryUrl),
  TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(6),
  TOPIC_REPLICATION: z.coerce.number().int().min(1).default(1),
  TOPIC_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(-1)
    .default(7 * DAY_MS),
  DLQ_RETENTION_MS: z.coerce
    .number()
    .int()
    .min(-1)
    .default(30 * DAY_MS),
});

/** Settings of the platform tools, validated once. */
export type PlatformConfig = {
  readonly brokers: readonly string[];
  readonly registryUrl: string;
  readonly partitions: number;
  readonly replication: number;
  readonly retentionMs: number;
  readonly dlqRetentionMs: number;
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
    retentionMs: e.TOPIC_RETENTION_MS,
    dlqRetentionMs: e.DLQ_RETENTION_MS,
  };
}
