/**
 * The two local stacks, in one place: `dev` is what `./smarketing up` runs and the services default
 * to; `test` is a second Kafka and registry on other ports (same PostgreSQL server, databases named
 * `smarketing_test_*`) that tests and benchmarks use, so a user's sample data never meets test data.
 * deploy/local/stack.sh, libs/testing, the tools and the CLIs read these values from here
 * (`stack-env.main.ts` prints them for shell scripts).
 */
export type LocalStack = {
  /** The stack's state folder below the repository root (data, logs, pid files). */
  readonly home: string;
  readonly kafkaBrokers: string;
  readonly kafkaControllerPort: number;
  readonly schemaRegistryUrl: string;
  readonly registryManagementPort: number;
  /** The registry's own database (Apicurio's SQL storage). */
  readonly registryDatabase: string;
  /** The PostgreSQL server's maintenance database; services use `smarketing_<service>` on it. */
  readonly databaseUrl: string;
};

/** The local PostgreSQL server (no database): both stacks share it. */
export const POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';
const POSTGRES = `${POSTGRES_SERVER}/postgres`;

export const STACKS = {
  dev: {
    home: '.local',
    kafkaBrokers: '127.0.0.1:9092',
    kafkaControllerPort: 9093,
    schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
    registryManagementPort: 8091,
    registryDatabase: 'smarketing_registry',
    databaseUrl: POSTGRES,
  },
  test: {
    home: '.local/test',
    kafkaBrokers: '127.0.0.1:19092',
    kafkaControllerPort: 19093,
    schemaRegistryUrl: 'http://127.0.0.1:18081/apis/ccompat/v7',
    registryManagementPort: 18091,
    registryDatabase: 'smarketing_test_registry',
    databaseUrl: POSTGRES,
  },
} as const satisfies Record<string, LocalStack>;

export type StackName = keyof typeof STACKS;

/**
 * A stack as the environment variables stack.sh and every service read. For the test stack,
 * `TEST_KAFKA_BROKERS`, `TEST_SCHEMA_REGISTRY_URL` and `TEST_DATABASE_URL` point tests at other
 * infrastructure (the plain names are never taken, so a shell that points at a user's stack
 * cannot send tests there by accident).
 */
export function stackVariables(
  name: StackName,
  repoRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const s: LocalStack = STACKS[name];
  const pick = (variable: string, fallback: string) =>
    (name === 'test' ? env[`TEST_${variable}`] : env[variable]) || fallback;
  return {
    STACK_HOME: `${repoRoot}/${s.home}`,
    KAFKA_BROKERS: pick('KAFKA_BROKERS', s.kafkaBrokers),
    KAFKA_CONTROLLER_PORT: String(s.kafkaControllerPort),
    SCHEMA_REGISTRY_URL: pick('SCHEMA_REGISTRY_URL', s.schemaRegistryUrl),
    REGISTRY_MANAGEMENT_PORT: String(s.registryManagementPort),
    REGISTRY_DB: s.registryDatabase,
    DATABASE_URL: pick('DATABASE_URL', s.databaseUrl),
  };
}
