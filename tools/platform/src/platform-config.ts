import { kafkaClientConfig, kafkaEnv, parseEnv, STACKS, type KafkaClientConfig } from '@smarketing/config';
import type { RetentionProfile } from '@smarketing/contracts';
import { z } from 'zod';

const schema = z.object({
  // The services' Kafka variables (brokers, SASL, TLS): the admin clients connect as they do.
  ...kafkaEnv(),
  SCHEMA_REGISTRY_URL: z.url().default(STACKS.dev.schemaRegistryUrl),
  TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(6),
  TOPIC_REPLICATION: z.coerce.number().int().min(1).default(1),
  // production keeps the platform's facts without limit; local (the laptop stack) bounds them.
  TOPIC_RETENTION_PROFILE: z.enum(['production', 'local']).default('production'),
});

/** Settings of the platform tools, validated once. The Kafka connection is the services' (libs/config). */
export type PlatformConfig = KafkaClientConfig & {
  readonly registryUrl: string;
  readonly partitions: number;
  readonly replication: number;
  /** Which column of libs/contracts RETENTION the topics get. */
  readonly retentionProfile: RetentionProfile;
};

/** Reads and validates the tools' environment (the only reader of process.env in tools/platform). */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const e = parseEnv(schema, env);
  return {
    ...kafkaClientConfig(e),
    registryUrl: e.SCHEMA_REGISTRY_URL.replace(/\/+$/, ''),
    partitions: e.TOPIC_PARTITIONS,
    replication: e.TOPIC_REPLICATION,
    retentionProfile: e.TOPIC_RETENTION_PROFILE,
  };
}

/** Only the Kafka connection (brokers, SASL, TLS), for tools that need nothing else (replay-dlq). */
export function loadKafkaConnection(env: NodeJS.ProcessEnv = process.env): KafkaClientConfig {
  return kafkaClientConfig(parseEnv(z.object(kafkaEnv()), env));
}
