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
