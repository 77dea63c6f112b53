import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_INTAKE_TOPICS, ALL_TOPICS, dlqTopicName } from '@smarketing/contracts';
// platformTopicSpecs is the one definition of partitions, retention and min.insync.replicas per
// topic role; tools/platform exports no package entry, so it is reached by its file.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { platformTopicSpecs, type TopicSpec } from '../../../tools/platform/src/topic-specs';

/** The repository root (deploy/k8s/src/..). */
export const REPO = join(__dirname, '..', '..', '..');

/** What the manifests need to know about one service, read from the service itself. */
export type ServiceInfo = {
  readonly name: string;
  /** Its default HTTP port (platformEnv in src/config.ts): the host port Compose publishes. */
  readonly port: number;
  /** The version in its package.json: the image tag of the base. */
  readonly version: string;
  /** `start:prod` and `migrate:prod` of its package.json, as argv. */
  readonly startCommand: readonly string[];
  readonly migrateCommand: readonly string[];
  /** Every variable its config schema reads, and the defaults it gives them (absent: no default). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly consumerGroup: string;
  /** Topics it reads (registry readers, intake topics included), writes (writer), and its dead letters. */
  readonly reads: readonly string[];
  readonly writes: readonly string[];
  readonly deadLetters: readonly string[];
};

export type Platform = {
  readonly services: readonly ServiceInfo[];
  readonly topics: readonly TopicSpec[];
};

/** The topic layout of a cluster: what the base generates (the platform tools' defaults in production). */
export const TOPIC_SETTINGS = { partitions: 6, replication: 3, retentionProfile: 'production' } as const;

/** A service is a folder of services/ with src/main.ts (as ./smarketing and the Dockerfile say). */
export function serviceNames(repo = REPO): string[] {
  return readdirSync(join(repo, 'services'))
    .filter((d) => existsSync(join(repo, 'services', d, 'src', 'main.ts')))
    .sort();
}

const stringOf = (v: unknown): string | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v.join(',') : String(v);

/**
 * The variables a service's config reads and their defaults: its `loadConfig` runs on an empty
 * environment that records each name the schema asks for, so nothing here restates the schema.
 */
export function configOf(repo: string, name: string): Record<string, string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(repo, 'services', name, 'src', 'config.ts')) as {
    loadConfig: (env: NodeJS.ProcessEnv) => Record<string, unknown>;
  };
  const read: string[] = [];
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_t, key) => {
      if (typeof key === 'string' && !read.includes(key)) read.push(key);
      return undefined;
    },
  });
  const parsed = mod.loadConfig(env);
  return Object.fromEntries(read.map((k) => [k, stringOf(parsed[k])]));
}

const argv = (script: string | undefined, what: string): string[] => {
  if (!script) throw new Error(`${what} is missing`);
  return script.split(/\s+/).filter(Boolean);
};

export function serviceInfo(repo: string, name: string): ServiceInfo {
  const pkg = JSON.parse(readFileSync(join(repo, 'services', name, 'package.json'), 'utf8')) as {
    version: string;
    scripts?: Record<string, string>;
  };
  const env = configOf(repo, name);
  const port = Number(env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`${name}: src/config.ts gives no default PORT`);
  const reads = [
    ...ALL_TOPICS.filter((t) => t.readers.includes(name as never)).map((t) => t.name),
    ...ALL_INTAKE_TOPICS.filter((t) => t.readers.includes(name as never)).map((t) => t.name),
  ];
  return {
    name,
    port,
    version: pkg.version,
    startCommand: argv(pkg.scripts?.['start:prod'], `${name}: start:prod`),
    migrateCommand: argv(pkg.scripts?.['migrate:prod'], `${name}: migrate:prod`),
    env,
    consumerGroup: env['CONSUMER_GROUP'] ?? name,
    reads,
    writes: ALL_TOPICS.filter((t) => t.writer === name).map((t) => t.name),
    deadLetters: reads.map((t) => dlqTopicName(name, t)),
  };
}

/** Everything the generator renders, from the registries and the services' own files. */
export function loadPlatform(repo = REPO): Platform {
  return {
    services: serviceNames(repo).map((n) => serviceInfo(repo, n)),
    topics: platformTopicSpecs(TOPIC_SETTINGS),
  };
}
