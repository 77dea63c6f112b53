import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ALL_INTAKE_TOPICS, ALL_TOPICS, type ServiceName } from '@smarketing/contracts';
import { createTestDatabase, type TestDatabase } from './database';
import { stackEnv } from './env';
import { ensureStack, repoRoot } from './stack';
import { freePort, spawnTs, type TsProcess } from './child-process';
import { startGroupAtEnd } from './topics';
import { waitFor } from './wait-for';

/** A service of the platform started as its own process (its own main), on its own test database. */
export type RunningService = {
  readonly name: ServiceName;
  readonly port: number;
  readonly db: TestDatabase;
  /** The consumer group its consumers join (fresh per platform, started at the topics' end). */
  readonly group: string;
  /** The current process; a restart replaces it. */
  readonly process: TsProcess;
};

export type Platform = {
  readonly writeKey: string;
  readonly adminKey: string;
  readonly services: ReadonlyMap<ServiceName, RunningService>;
  url(service: ServiceName, path: string): string;
  /** Sends a signal to a service's current process (SIGKILL, SIGSTOP, SIGCONT...). */
  signal(service: ServiceName, signal: NodeJS.Signals): void;
  /** Starts the service again with the same database, group and port once its process has exited. */
  restart(service: ServiceName): Promise<void>;
  /** Waits until every service answers /health/ready. */
  ready(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

export type PlatformOptions = {
  /** Variables for every service process (after the platform's own, so they can override them). */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep the databases when the platform stops (to look at them afterwards). */
  readonly keepDatabases?: boolean;
};

async function runToExit(file: string, env: Record<string, string>): Promise<void> {
  const p = spawnTs(file, env);
  const { code } = await p.exited;
  if (code !== 0) throw new Error(`${file} exited ${code}: ${p.output().slice(-2_000)}`);
}

async function waitReady(port: number, proc: () => TsProcess, timeoutMs: number): Promise<void> {
  await waitFor(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`, {
        signal: AbortSignal.timeout(2_000),
      }).catch(() => undefined);
      return res?.status === 200;
    },
    { timeoutMs, description: `service on ${port} ready` },
  ).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}\n${proc().output().slice(-3_000)}`);
  });
}

/** The platform topics and intake topics a service consumes. */
export const readTopicsOf = (name: ServiceName): string[] =>
  [...ALL_TOPICS, ...ALL_INTAKE_TOPICS].filter((t) => t.readers.includes(name)).map((t) => t.name);

/**
 * Starts the named services as processes on the test stack: each migrated into a fresh test
 * database, each consumer group starting at the topics' current end (the topics are shared with
 * other tests and benchmarks, so a service reads only what this platform's traffic produces).
 */
export async function startPlatform(
  names: readonly ServiceName[],
  tag: string,
  options: PlatformOptions = {},
): Promise<Platform> {
  await ensureStack();
  const writeKey = `smk_${tag}_write_${randomUUID().replace(/-/g, '')}`;
  const adminKey = `smk_${tag}_admin_${randomUUID().replace(/-/g, '')}`;
  const common = {
    KAFKA_BROKERS: stackEnv().brokers.join(','),
    SCHEMA_REGISTRY_URL: stackEnv().registryUrl,
    LOG_LEVEL: 'warn',
  };
  const services = new Map<ServiceName, RunningService>();
  const envOf = new Map<ServiceName, Record<string, string>>();
  const mainOf = (name: ServiceName) => join(repoRoot(), 'services', name, 'src', 'main.ts');
  const prepared: Omit<RunningService, 'process'>[] = [];
  for (const name of names) {
    const db = await createTestDatabase(`smarketing_test_${tag}_${name.replace(/-/g, '_')}`);
    const dir = join(repoRoot(), 'services', name, 'src');
    await runToExit(join(dir, 'infra/migrate.main.ts'), { ...common, DATABASE_URL: db.url });
    const group = `${name}-${tag}-${randomUUID()}`;
    const topics = readTopicsOf(name);
    if (topics.length) await startGroupAtEnd(group, topics);
    // A port free now, not one from a fixed range: the machine may run anything (a NATS on 4222).
    const port = await freePort();
    const env = {
      ...common,
      DATABASE_URL: db.url,
      PORT: String(port),
      CONSUMER_GROUP: group,
      API_KEYS: `admin+ingest+read:${adminKey}`,
      ...(name === 'ingestion' ? { INGESTION_DEV_WRITE_KEY: writeKey } : {}),
      ...options.env,
    };
    envOf.set(name, env);
    prepared.push({ name, port, db, group });
  }
  // Every group is placed at the end before any service starts: a service that publishes at start-up
  // (seeded documents, an evaluation due) must not write before a reader's group is placed, or the
  // reader would never see it.
  for (const s of prepared)
    services.set(s.name, { ...s, process: spawnTs(mainOf(s.name), envOf.get(s.name) ?? {}) });
  const get = (name: ServiceName): RunningService => {
    const s = services.get(name);
    if (!s) throw new Error(`${name} is not part of this platform`);
    return s;
  };
  const ready = async (timeoutMs = 120_000) => {
    for (const s of services.values()) await waitReady(s.port, () => get(s.name).process, timeoutMs);
  };
  const stopAll = async () => {
    for (const s of services.values()) {
      s.process.kill('SIGCONT');
      s.process.kill('SIGTERM');
    }
    await Promise.all([...services.values()].map((s) => s.process.exited));
    if (!options.keepDatabases) for (const s of services.values()) await s.db.drop();
  };
  // A service that never gets ready must not outlive the failed start (it would keep the test
  // process alive and hold its port and database).
  await ready().catch(async (e: unknown) => {
    await stopAll();
    throw e;
  });
  return {
    writeKey,
    adminKey,
    services,
    url: (service, path) => `http://127.0.0.1:${services.get(service)?.port ?? 0}${path}`,
    signal: (service, signal) => get(service).process.kill(signal),
    restart: async (service) => {
      const s = get(service);
      await s.process.exited;
      services.set(service, {
        ...s,
        process: spawnTs(mainOf(service), envOf.get(service) ?? {}),
      });
    },
    ready,
    stop: stopAll,
  };
}
