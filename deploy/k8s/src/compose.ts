import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { IMAGE_PORT } from './bounds';
import { imageOf, TOOLS_IMAGE, type toolsInfo } from './kubernetes';
import type { Platform, ServiceInfo } from './inventory';

/** How containers on the Compose network reach the infrastructure (infrastructure.yaml's names). */
export const COMPOSE_ENV = {
  KAFKA_BROKERS: 'kafka:29092',
  SCHEMA_REGISTRY_URL: 'http://schema-registry:8080/apis/ccompat/v7',
  OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
} as const;

export const composeDatabaseUrl = (service: string): string =>
  `postgres://postgres@postgres:5432/smarketing_${service.replaceAll('-', '_')}`;

/** The local platform's development keys, as ./smarketing exports them (one definition). */
export function devKeys(repo: string): Record<'API_KEYS' | 'INGESTION_DEV_WRITE_KEY', string> {
  const script = readFileSync(join(repo, 'smarketing'), 'utf8');
  const key = (name: 'API_KEYS' | 'INGESTION_DEV_WRITE_KEY') => {
    const m = new RegExp(`^export ${name}="\\$\\{${name}:-([^}"]+)\\}"`, 'm').exec(script);
    if (!m?.[1]) throw new Error(`./smarketing exports no default ${name}`);
    return `\${${name}:-${m[1]}}`;
  };
  return { API_KEYS: key('API_KEYS'), INGESTION_DEV_WRITE_KEY: key('INGESTION_DEV_WRITE_KEY') };
}

/** The Dockerfile's tools target: the whole workspace with its dev dependencies, where the tools run. */
const toolsBuild = { context: '.', dockerfile: 'Dockerfile', target: TOOLS_IMAGE.dockerfileTarget };
const healthy = { condition: 'service_healthy' };
const completed = { condition: 'service_completed_successfully' };

function serviceEntries(s: ServiceInfo, keys: ReturnType<typeof devKeys>): Record<string, object> {
  const image = imageOf(s.name, s.version);
  const build = { context: '.', dockerfile: 'Dockerfile', args: { SERVICE: s.name } };
  const environment: Record<string, string> = {
    ...COMPOSE_ENV,
    DATABASE_URL: composeDatabaseUrl(s.name),
    API_KEYS: keys.API_KEYS,
  };
  if ('INGESTION_DEV_WRITE_KEY' in s.env)
    environment['INGESTION_DEV_WRITE_KEY'] = keys.INGESTION_DEV_WRITE_KEY;
  return {
    [`${s.name}-migrate`]: {
      image,
      build,
      command: s.migrateCommand,
      depends_on: { postgres: healthy },
      environment: { DATABASE_URL: composeDatabaseUrl(s.name) },
    },
    [s.name]: {
      image,
      build,
      restart: 'unless-stopped',
      depends_on: {
        kafka: healthy,
        'schema-registry': healthy,
        postgres: healthy,
        provision: completed,
        [`${s.name}-migrate`]: completed,
      },
      environment,
      ports: [`127.0.0.1:${s.port}:${IMAGE_PORT}`],
      // SIGTERM, then the same grace as Kubernetes (a batch plus its commit)
      stop_grace_period: '90s',
    },
  };
}

/** docker-compose.yml: the infrastructure template plus provisioning, every service and the sample traffic. */
export function composeDocument(
  repo: string,
  platform: Platform,
  tools: ReturnType<typeof toolsInfo>,
): Document {
  const doc = parseDocument(readFileSync(join(repo, 'deploy/k8s/compose/infrastructure.yaml'), 'utf8'));
  const keys = devKeys(repo);
  const toolsImage = imageOf(TOOLS_IMAGE.name, tools.version);
  const entries: Record<string, object> = {
    // Topics and schemas, as `npm run stack:provision` makes them for the native stack.
    provision: {
      image: toolsImage,
      build: toolsBuild,
      working_dir: '/repo',
      command: tools.provisionCommand,
      environment: {
        KAFKA_BROKERS: COMPOSE_ENV.KAFKA_BROKERS,
        SCHEMA_REGISTRY_URL: COMPOSE_ENV.SCHEMA_REGISTRY_URL,
        TOPIC_REPLICATION: '1',
        TOPIC_RETENTION_PROFILE: 'local',
      },
      depends_on: { kafka: healthy, 'schema-registry': healthy },
    },
    ...Object.assign({}, ...platform.services.map((s) => serviceEntries(s, keys))),
  };
  if (platform.services.some((s) => s.name === 'ingestion'))
    entries['sample-traffic'] = {
      image: toolsImage,
      build: toolsBuild,
      working_dir: '/repo/services/ingestion',
      // as ./smarketing up sends it
      command: [
        'node',
        '-r',
        '@swc-node/register',
        'sample/generate-traffic.ts',
        '--url',
        `http://ingestion:${IMAGE_PORT}`,
        '--seed',
        '42',
        '--leads',
        '${SAMPLE_LEADS:-200}',
        '--rate',
        '${SAMPLE_RATE:-20}',
        '--duration',
        '0',
      ],
      environment: {
        SWC_NODE_PROJECT: '/repo/tsconfig.base.json',
        API_KEYS: keys.API_KEYS,
        INGESTION_DEV_WRITE_KEY: keys.INGESTION_DEV_WRITE_KEY,
      },
      depends_on: { ingestion: healthy },
      restart: 'unless-stopped',
    };
  for (const [name, value] of Object.entries(entries))
    doc.setIn(['services', name], doc.createNode(value, { aliasDuplicateObjects: false }));
  return doc;
}
