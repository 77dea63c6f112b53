import { z } from 'zod';
import { STACKS } from './stacks';

/** SASL mechanisms the Kafka clients speak; `none` connects without authentication (the local stack). */
export const KAFKA_SASL_MECHANISMS = ['none', 'scram-sha-512', 'scram-sha-256', 'plain'] as const;
export type KafkaSaslMechanism = Exclude<(typeof KAFKA_SASL_MECHANISMS)[number], 'none'>;

/**
 * How a Kafka client reaches and authenticates to the brokers, independent of the client library
 * (libs/messaging's adapter maps it to its client's options).
 */
export type KafkaClientConfig = {
  readonly brokers: readonly string[];
  /** Absent: no authentication. */
  readonly sasl?: {
    readonly mechanism: KafkaSaslMechanism;
    readonly username: string;
    readonly password: string;
  };
  /** Absent: plaintext. `caFile`: a PEM file of the CAs to trust instead of Node's defaults. */
  readonly tls?: { readonly caFile?: string };
};

/**
 * The Kafka variables, the same for every service and tool: spread into a schema (platformEnv does)
 * and parse it with parseEnv, which requires the SASL username and password once a mechanism is set.
 */
export function kafkaEnv() {
  return {
    /** Comma-separated host:port list. */
    KAFKA_BROKERS: z
      .string()
      .default(STACKS.dev.kafkaBrokers)
      .transform((s) =>
        s
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean),
      ),
    KAFKA_SASL_MECHANISM: z.enum(KAFKA_SASL_MECHANISMS).default('none'),
    KAFKA_SASL_USERNAME: z.string().optional(),
    KAFKA_SASL_PASSWORD: z.string().optional(),
    KAFKA_TLS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** A PEM file of the CAs that sign the brokers' certificates (e.g. Strimzi's cluster CA). */
    KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
  };
}

/** The parsed Kafka variables. */
export type KafkaEnv = z.infer<z.ZodObject<ReturnType<typeof kafkaEnv>>>;

/**
 * The cross-field rules of {@link kafkaEnv}, applied by parseEnv: a mechanism needs a username and
 * a password, and a CA file needs TLS on (a CA given with TLS off would silently connect in plaintext).
 * It reads the parsed values defensively: it also runs when other variables are invalid.
 */
export function kafkaCredentialsRule(value: unknown, ctx: z.RefinementCtx): void {
  if (typeof value !== 'object' || value === null || !('KAFKA_SASL_MECHANISM' in value)) return;
  const v = value as Partial<Record<keyof KafkaEnv, unknown>>;
  const mechanism = v.KAFKA_SASL_MECHANISM;
  // An unknown mechanism is its own error (the enum's); credentials are asked for a known one only.
  if (mechanism !== 'none' && KAFKA_SASL_MECHANISMS.some((m) => m === mechanism))
    for (const field of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const)
      if (typeof v[field] !== 'string' || v[field] === '')
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `required when KAFKA_SASL_MECHANISM is ${mechanism}`,
        });
  if (typeof v.KAFKA_TLS_CA_FILE === 'string' && v.KAFKA_TLS === false)
    ctx.addIssue({ code: 'custom', path: ['KAFKA_TLS_CA_FILE'], message: 'set, but KAFKA_TLS is not true' });
}

/**
 * The Kafka client settings of a parsed config (one that spread {@link kafkaEnv}, as platformEnv
 * does): `MessagingModule.forRoot({ config: { ...kafkaClientConfig(config), ... } })`.
 */
export function kafkaClientConfig(config: KafkaEnv): KafkaClientConfig {
  const mechanism = config.KAFKA_SASL_MECHANISM;
  const required = (field: 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'): string => {
    const value = config[field];
    // parseEnv has already rejected this; a config built without it must not connect anonymously.
    if (!value)
      throw new Error(`invalid configuration: ${field}: required when KAFKA_SASL_MECHANISM is ${mechanism}`);
    return value;
  };
  return {
    brokers: config.KAFKA_BROKERS,
    ...(mechanism === 'none'
      ? {}
      : {
          sasl: {
            mechanism,
            username: required('KAFKA_SASL_USERNAME'),
            password: required('KAFKA_SASL_PASSWORD'),
          },
        }),
    ...(config.KAFKA_TLS
      ? { tls: config.KAFKA_TLS_CA_FILE === undefined ? {} : { caFile: config.KAFKA_TLS_CA_FILE } }
      : {}),
  };
}
