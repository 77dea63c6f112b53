/** Addresses of the local stack, with the same defaults as deploy/local/stack.sh. */
export type StackEnv = {
  readonly brokers: string[];
  readonly registryUrl: string;
  readonly databaseUrl: string;
};

export function stackEnv(): StackEnv {
  return {
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    registryUrl: (process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7').replace(
      /\/$/,
      '',
    ),
    databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

/** True when running in CI, where a missing stack is a failure and never a skip. */
export const isCi = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');
