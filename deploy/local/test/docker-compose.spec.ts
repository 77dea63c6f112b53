// docker-compose.yml cannot run here (no Docker engine): check it statically against the local
// stack's scripts so the two stay the same stack (ports, variables, databases, images).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const repo = join(__dirname, '..', '..', '..');
const compose = parse(readFileSync(join(repo, 'docker-compose.yml'), 'utf8')) as {
  services: Record<
    string,
    { image?: string; ports?: string[]; environment?: Record<string, string> | string[] }
  >;
};
const stackScript = readFileSync(join(repo, 'deploy/local/stack.sh'), 'utf8');
const ports = (svc: string) => (compose.services[svc]?.ports ?? []).map((p) => String(p));
const imageOf = (pattern: RegExp) =>
  Object.values(compose.services).find((s) => pattern.test(s.image ?? ''))?.image ?? '';
const serviceWith = (pattern: RegExp) =>
  Object.keys(compose.services).find((k) => pattern.test(compose.services[k]?.image ?? '')) ?? '';

describe('docker-compose.yml', () => {
  it('runs the same Kafka version as the local stack, on 9092', () => {
    const version = /KAFKA_VERSION=([\d.]+)/.exec(stackScript)?.[1];
    expect(imageOf(/kafka/)).toContain(version);
    expect(ports(serviceWith(/kafka/)).some((p) => p.includes('9092'))).toBe(true);
  });

  it('runs the same Apicurio Registry version, on 8081', () => {
    const version = /APICURIO_VERSION=([\d.]+)/.exec(stackScript)?.[1];
    expect(imageOf(/apicurio/)).toContain(version);
    expect(ports(serviceWith(/apicurio/)).some((p) => p.includes('8081'))).toBe(true);
  });

  it('creates every service database in PostgreSQL', () => {
    const init = readFileSync(join(repo, 'deploy/local/postgres-init/01-databases.sql'), 'utf8');
    for (const svc of [
      'ingestion',
      'scoring',
      'routing',
      'sla_monitor',
      'attribution',
      'reporting',
      'registry',
    ]) {
      expect(init).toContain(`smarketing_${svc}`);
    }
    expect(ports(serviceWith(/postgres/)).some((p) => p.includes('5432'))).toBe(true);
  });

  it('includes an OpenTelemetry collector', () => {
    expect(imageOf(/opentelemetry-collector/)).not.toBe('');
  });
});
