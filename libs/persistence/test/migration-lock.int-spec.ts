// Replicas that migrate one database at once (each pod's init container on a first install) take
// turns under the migration lock instead of failing on a table another one just created. Real
// PostgreSQL of the test stack (DATABASE_URL, set by the int-test setup); no libs/testing, which
// depends on this lib.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { createDataSource, migrate, withDatabase } from '../src';

// Slow enough that concurrent migrators overlap: without the lock, all read "nothing ran yet" and
// all but one fail on CREATE TABLE.
class CreateProbe1700000000001 implements MigrationInterface {
  name = 'CreateProbe1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE lock_probe (id int PRIMARY KEY)');
    await q.query('SELECT pg_sleep(0.3)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE lock_probe');
  }
}
class FillProbe1700000000002 implements MigrationInterface {
  name = 'FillProbe1700000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query('INSERT INTO lock_probe (id) VALUES (1)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM lock_probe');
  }
}
const MIGRATIONS = [CreateProbe1700000000001, FillProbe1700000000002];

const serverUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (the int-test setup points it at the test stack)');
  return url;
};

async function onServer<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe('migrations under the migration lock', () => {
  const databases: string[] = [];
  const sources: DataSource[] = [];

  const freshDatabase = async (): Promise<string> => {
    const name = `smarketing_test_migration_lock_${randomBytes(4).toString('hex')}`;
    await onServer(serverUrl(), (c) => c.query(`CREATE DATABASE ${name}`));
    databases.push(name);
    return withDatabase(serverUrl(), name);
  };
  const dataSource = (url: string, i: number): DataSource => {
    const ds = createDataSource({ url, applicationName: `lock-test-${i}`, migrations: MIGRATIONS });
    sources.push(ds);
    return ds;
  };

  afterAll(async () => {
    await Promise.allSettled(sources.filter((s) => s.isInitialized).map((s) => s.destroy()));
    for (const name of databases)
      await onServer(serverUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('lets replicas migrating a fresh database at once take turns: each migration runs once, none fails', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([0, 1, 2, 3].map((i) => migrate(dataSource(url, i))));
    expect(results.flat().sort()).toEqual(['CreateProbe1700000000001', 'FillProbe1700000000002']);
    expect(results.filter((r) => r.length === 0)).toHaveLength(3);
    const applied = await onServer(url, (c) => c.query('SELECT name FROM typeorm_migrations ORDER BY id'));
    expect(applied.rows.map((r: { name: string }) => r.name)).toEqual([
      'CreateProbe1700000000001',
      'FillProbe1700000000002',
    ]);
  });

  it("waits for the holder of its own database's lock, and only for it", async () => {
    const [mine, other] = [await freshDatabase(), await freshDatabase()];
    const holder = new Client({ connectionString: mine });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext(current_database() || '.migrations'))`);
      let done = false;
      const waiting = migrate(dataSource(mine, 10)).then((ran) => ((done = true), ran));
      // Another database's lock is another key: it migrates while `mine` is held.
      expect(await migrate(dataSource(other, 11))).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(done).toBe(false);
      await holder.query(`SELECT pg_advisory_unlock(hashtext(current_database() || '.migrations'))`);
      expect(await waiting).toEqual(['CreateProbe1700000000001', 'FillProbe1700000000002']);
    } finally {
      await holder.end();
    }
  });
});
