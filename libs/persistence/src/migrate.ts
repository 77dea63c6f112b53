import { createDataSource, type DataSourceOptions } from './data-source';
import type { DataSource } from 'typeorm';

/** Runs pending migrations (or reverts the last one) and reports what ran. Used by every service's `migrate` command. */
export async function migrate(dataSource: DataSource, direction: 'up' | 'down' = 'up'): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  if (direction === 'down') {
    await dataSource.undoLastMigration({ transaction: 'each' });
    return ['reverted last migration'];
  }
  const ran = await dataSource.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
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
