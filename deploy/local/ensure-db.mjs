#!/usr/bin/env node
// Fallback used by stack.sh when `psql` is not on PATH: make sure a database exists.
//   node deploy/local/ensure-db.mjs <database> [--drop]
// Connects with DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
// using the `pg` package from the repo's node_modules.
import pg from 'pg';

const [name, flag] = process.argv.slice(2);
if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
  console.error('usage: ensure-db.mjs <database-name> [--drop]');
  process.exit(2);
}
const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (flag === '--drop') {
    if (rowCount) await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
  } else if (!rowCount) {
    try {
      await client.query(`CREATE DATABASE "${name}"`);
      console.log(`created database ${name}`);
    } catch (e) {
      if (e.code !== '42P04') throw e; // duplicate_database: created concurrently
    }
  }
} catch (e) {
  console.error(`ensure-db: ${e.message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
