import { MigrationExecutor, type DataSource } from 'typeorm';
import { createDataSource, type DataSourceOptions } from './data-source';

/** One key per database (advisory locks are per server: two services' databases must not contend). */
export const MIGRATION_LOCK_KEY = `hashtext(current_database() || '.migrations')`;

/**
 * Runs `fn` holding the database's migration lock, a session-level PostgreSQL advisory lock keyed by
 * `hashtext('<database>.migrations')`, on `runner`'s connection. Replicas that start at once on a first
 * install (each pod's init container migrates) then take turns: the first applies the migrations,
 * the others wait and find the schema up to date, instead of failing on a table just created.
 * The lock goes with the session, so a migrator that dies releases it.
 */
export async function withMigrationLock<T>(
  runner: { query(sql: string): Promise<unknown> },
  fn: () => Promise<T>,
): Promise<T> {
  // The pool's statement_timeout would cancel a wait behind a long migration: waiting is the point.
  await runner.query('SET statement_timeout = 0');
  try {
    await runner.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  } finally {
    await runner.query('RESET statement_timeout');
  }
  const unlock = () => runner.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await unlock().catch(() => undefined); // the migration's error is the one to report
    throw error;
  }
  await unlock();
  return result;
}

/**
 * Runs pending migrations (or reverts the last one) under the migration lock and reports what ran.
 * Used by every service's `migrate` command.
 */
export async function migrate(dataSource: DataSource, direction: 'up' | 'down' = 'up'): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  // One connection for the lock and the migrations: the lock is its session's.
  const runner = dataSource.createQueryRunner();
  try {
    return await withMigrationLock(runner, async () => {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      if (direction === 'down') {
        await executor.undoLastMigration();
        return ['reverted last migration'];
      }
      const ran = await executor.executePendingMigrations();
      return ran.map((m) => m.name);
    });
  } finally {
    await runner.release();
  }
}

/**
 * The body of every service's `migrate` command (`npm run migrate [-- down]`, run by deploy as a
 * Job): applies the pending migrations, or reverts the last one, and says what it did.
 */
export async function migrateCommand(o: {
  readonly service: string;
  readonly url: string;
  readonly migrations: DataSourceOptions['migrations'];
  readonly argv?: readonly string[];
}): Promise<void> {
  const ds = createDataSource({
    url: o.url,
    applicationName: `${o.service}-migrate`,
    migrations: o.migrations,
  });
  try {
    const ran = await migrate(ds, (o.argv ?? process.argv).includes('down') ? 'down' : 'up');
    console.log(ran.length ? `${o.service}: ran ${ran.join(', ')}` : `${o.service}: schema up to date`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
}
