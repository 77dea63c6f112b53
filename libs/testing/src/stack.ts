import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { isCi, stackEnv, testStackVariables } from './env';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** The repository root (the directory with deploy/local/stack.sh). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'deploy/local/stack.sh'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (deploy/local/stack.sh)');
    dir = up;
  }
  return dir;
}

function tcpUp(hostPort: string, timeoutMs = 1_000): Promise<boolean> {
  const u = new URL(hostPort.includes('://') ? hostPort : `tcp://${hostPort}`);
  return new Promise((resolve) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port), timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function registryUp(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/subjects`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Which components of the local stack answer now. */
export async function stackStatus(): Promise<{ kafka: boolean; registry: boolean; postgres: boolean }> {
  const env = stackEnv();
  const [kafka, registry, postgres] = await Promise.all([
    tcpUp(env.brokers[0] ?? ''),
    registryUp(env.registryUrl),
    tcpUp(new URL(env.databaseUrl).host),
  ]);
  return { kafka, registry, postgres };
}

/** Runs `deploy/local/stack.sh <args>`. */
export async function stackSh(...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [path.join(repoRoot(), 'deploy/local/stack.sh'), ...args], {
    cwd: repoRoot(),
    env: {
      ...process.env,
      ...testStackVariables(),
      STACK_SKIP_PROVISION: process.env.STACK_SKIP_PROVISION ?? '1',
    },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 600_000,
  });
  return stdout;
}

/**
 * Makes sure Kafka, the registry and PostgreSQL answer. Under CI a missing component is a failure
 * (never a skip); on a workstation the stack is started with deploy/local/stack.sh.
 */
export async function ensureStack(): Promise<void> {
  let status = await stackStatus();
  if (status.kafka && status.registry && status.postgres) return;
  if (isCi())
    throw new Error(
      `local stack is not up (CI=true): ${JSON.stringify(status)}; start the test stack with ./smarketing test-stack start`,
    );
  if (!status.postgres) throw new Error(`PostgreSQL does not answer at ${stackEnv().databaseUrl}`);
  // Another process may be starting it right now: give it a moment before starting it ourselves.
  status = await waitFor(
    async () => {
      const s = await stackStatus();
      return s.kafka && s.registry ? s : undefined;
    },
    { timeoutMs: 5_000, intervalMs: 500 },
  ).catch(() => status);
  if (status.kafka && status.registry) return;
  await stackSh('start');
  await waitFor(
    async () => {
      const s = await stackStatus();
      return s.kafka && s.registry && s.postgres;
    },
    { timeoutMs: 240_000, intervalMs: 1_000, description: 'local stack' },
  );
}

/** Stops and starts the Kafka broker (its data is kept). */
export async function restartKafka(): Promise<void> {
  await stackSh('stop', 'kafka');
  // A broker this checkout did not start (Docker, another checkout) would survive the stop.
  if ((await stackStatus()).kafka)
    throw new Error('kafka still answers after `stack.sh stop kafka`: it is not managed by this checkout');
  await stackSh('start', 'kafka');
  await waitFor(() => stackStatus().then((s) => s.kafka), {
    timeoutMs: 180_000,
    intervalMs: 500,
    description: 'kafka back up',
  });
}

/** The version of the machine's PostgreSQL cluster (`/etc/postgresql/<version>/main`), if there is one. */
export function machinePostgresVersion(): string | undefined {
  if (!existsSync('/etc/postgresql')) return undefined;
  return readdirSync('/etc/postgresql').find((v) => existsSync(`/etc/postgresql/${v}/main`));
}

/** Whether this process can stop and start the machine's PostgreSQL cluster. */
export function canControlPostgres(): boolean {
  return process.getuid?.() === 0 && machinePostgresVersion() !== undefined;
}

async function pgCtlCluster(action: 'stop' | 'start'): Promise<void> {
  const version = machinePostgresVersion();
  if (!version) throw new Error('no machine PostgreSQL cluster under /etc/postgresql');
  const args = [
    '--skip-systemctl-redirect',
    version,
    'main',
    action,
    ...(action === 'stop' ? ['-m', 'fast'] : []),
  ];
  await run('pg_ctlcluster', args, { timeout: 120_000 });
}

/**
 * Stops the machine's PostgreSQL for `downMs` and starts it again, waiting until it accepts
 * connections. Other people's tests share it: keep `downMs` short.
 */
export async function bouncePostgres(downMs: number): Promise<void> {
  await pgCtlCluster('stop');
  try {
    await new Promise((r) => setTimeout(r, downMs));
  } finally {
    await pgCtlCluster('start');
  }
  await waitFor(() => stackStatus().then((s) => s.postgres), {
    timeoutMs: 60_000,
    intervalMs: 250,
    description: 'postgres back up',
  });
}
