import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ALL_TOPICS, type ServiceName } from '@smarketing/contracts';
import {
  createTestDatabase,
  ensureStack,
  repoRoot,
  spawnTs,
  stackEnv,
  startGroupAtEnd,
  waitFor,
  type TestDatabase,
  type TsProcess,
} from '@smarketing/testing';

/** A service of the platform started as its own process (its own main), on its own test database. */
export type RunningService = {
  readonly name: ServiceName;
  readonly port: number;
  readonly db: TestDatabase;
  readonly process: TsProcess;
};

export type Platform = {
  readonly writeKey: string;
  readonly adminKey: string;
  readonly services: ReadonlyMap<ServiceName, RunningService>;
  url(service: ServiceName, path: string): string;
  stop(): Promise<void>;
};

async function runToExit(file: string, env: Record<string, string>): Promise<void> {
  const p = spawnTs(file, env);
  const { code } = await p.exited;
  if (code !== 0) throw new Error(`${file} exited ${code}: ${p.output().slice(-2_000)}`);
}

async function waitReady(port: number, proc: TsProcess): Promise<void> {
  await waitFor(
    async () => {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      return res?.status === 200;
    },
    { timeoutMs: 120_000, description: `service on ${port} ready` },
  ).catch((e: unknown) => {
    throw new Error(`${(e as Error).message}\n${proc.output().slice(-3_000)}`);
  });
}

/**
 * Starts the named services as processes on the test stack: each migrated into a fresh test
 * database, each consumer group starting at the topics' current end (the topics are shared with
 * other tests and benchmarks, so a service reads only what this test produces).
 */
export async function startPlatform(names: readonly ServiceName[], tag: string): Promise<Platform> {
  await ensureStack();
  const writeKey = `smk_${tag}_write_${randomUUID().replace(/-/g, '')}`;
  const adminKey = `smk_${tag}_admin_${randomUUID().replace(/-/g, '')}`;
  const basePort = 3801 + Math.floor(Math.random() * 90) * 10;
  const common = {
    KAFKA_BROKERS: stackEnv().brokers.join(','),
    SCHEMA_REGISTRY_URL: stackEnv().registryUrl,
    LOG_LEVEL: 'warn',
  };
  const services = new Map<ServiceName, RunningService>();
  let i = 0;
  for (const name of names) {
    const db = await createTestDatabase(`smarketing_test_${tag}_${name.replace(/-/g, '_')}`);
    const dir = join(repoRoot(), 'services', name, 'src');
    await runToExit(join(dir, 'infra/migrate.main.ts'), { ...common, DATABASE_URL: db.url });
    const group = `${name}-${tag}-${randomUUID()}`;
    const topics = ALL_TOPICS.filter((t) => t.readers.includes(name)).map((t) => t.name);
    if (topics.length) await startGroupAtEnd(group, topics);
    const port = basePort + i++;
    const process = spawnTs(join(dir, 'main.ts'), {
      ...common,
      DATABASE_URL: db.url,
      PORT: String(port),
      CONSUMER_GROUP: group,
      API_KEYS: `admin+ingest+read:${adminKey}`,
      ...(name === 'ingestion' ? { INGESTION_DEV_WRITE_KEY: writeKey } : {}),
    });
    services.set(name, { name, port, db, process });
  }
  for (const s of services.values()) await waitReady(s.port, s.process);
  return {
    writeKey,
    adminKey,
    services,
    url: (service, path) => `http://127.0.0.1:${services.get(service)?.port ?? 0}${path}`,
    stop: async () => {
      for (const s of services.values()) s.process.kill('SIGTERM');
      await Promise.all([...services.values()].map((s) => s.process.exited));
      for (const s of services.values()) await s.db.drop();
    },
  };
}
