import { DataSource, type MigrationInterface } from 'typeorm';

export type DataSourceOptions = {
  /** postgres://user:pass@host:port/database of the service's own database. */
  readonly url: string;
  /** Shown in pg_stat_activity, e.g. `scoring`. */
  readonly applicationName: string;
  /** The service's migrations, the shared inbox/outbox migration first (see each service's migrations/index.ts). */
  readonly migrations: readonly (new () => MigrationInterface)[];
  readonly entities?: readonly (new () => unknown)[];
  readonly poolSize?: number;
};

/**
 * Builds the DataSource of one service. `synchronize` is always off and migrations never run
 * implicitly: they run through the service's `migrate` command (or a Kubernetes Job).
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    migrations: [...options.migrations],
    entities: [...(options.entities ?? [])],
    logging: false,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Keep a failing statement from holding a batch forever; the caller retries transient failures.
      statement_timeout: 30_000,
    },
  });
}

/** Replaces the database name of a PostgreSQL URL, e.g. to derive a per-service or test database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
