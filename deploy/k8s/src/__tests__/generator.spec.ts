import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ALL_TOPICS, TOPICS } from '@smarketing/contracts';
import { configOf, REPO, type Platform } from '../inventory';
import { baseFiles, configData, toolsInfo } from '../kubernetes';
import { renderAll, staleFiles, writeAll } from '../render';
import { baseObjects, platform } from './fixtures';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('the generator', () => {
  let rendered: Map<string, string>;
  beforeAll(async () => {
    rendered = await renderAll(REPO, platform);
  });

  it('has written what it would write now (run generate if this fails)', () => {
    expect(staleFiles(REPO, rendered)).toEqual([]);
  });

  it('names a changed file and a file it no longer writes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-gen-'));
    try {
      writeAll(dir, rendered);
      expect(staleFiles(dir, rendered)).toEqual([]);
      const scoring = join(dir, 'deploy/k8s/base/scoring.yaml');
      writeFileSync(scoring, readFileSync(scoring, 'utf8').replace('replicas: 1', 'replicas: 2'));
      const old = join(dir, 'deploy/k8s/base/retired.yaml');
      mkdirSync(dirname(old), { recursive: true });
      writeFileSync(old, 'kind: ConfigMap\n');
      expect(staleFiles(dir, rendered)).toEqual([
        'deploy/k8s/base/retired.yaml',
        'deploy/k8s/base/scoring.yaml',
      ]);
      writeAll(dir, rendered);
      expect(staleFiles(dir, rendered)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads each service from its own files', () => {
    expect(platform.services.map((s) => [s.name, s.port])).toEqual([
      ['attribution', 3005],
      ['ingestion', 3001],
      ['reporting', 3006],
      ['routing', 3003],
      ['scoring', 3002],
      ['sla-monitor', 3004],
    ]);
    expect(configOf(REPO, 'sla-monitor')).toMatchObject({ TIMER_POLL_MS: '200', TIMER_WORKER: 'on' });
  });

  it('gives each service Write exactly on the topics the registry names it writer of, and its dead letters', () => {
    const users = baseObjects().filter((o) => o.kind === 'KafkaUser');
    for (const s of platform.services) {
      const acls = (users.find((u) => u.metadata.name === s.name) as any).spec.authorization.acls as any[];
      const written = acls.filter((a) => a.operations.includes('Write')).map((a) => a.resource.name);
      expect(written.sort()).toEqual(
        [...ALL_TOPICS.filter((t) => t.writer === s.name).map((t) => t.name), ...s.deadLetters].sort(),
      );
    }
    const scoring = platform.services.find((s) => s.name === 'scoring');
    expect(scoring?.deadLetters).toContain(`scoring.${TOPICS.leadUpserted.name}.dlq`);
  });

  it('keeps credentials out of ConfigMaps and takes them from Secrets', () => {
    for (const s of platform.services) {
      expect(Object.keys(configData(s))).not.toEqual(expect.arrayContaining(['DATABASE_URL']));
      expect(Object.keys(configData(s))).not.toContain('API_KEYS');
    }
    const ingestion = baseObjects().find(
      (o) => o.kind === 'Deployment' && o.metadata.name === 'ingestion',
    ) as any;
    const env = ingestion.spec.template.spec.containers[0].env as any[];
    expect(env.find((e) => e.name === 'DATABASE_URL').valueFrom).toEqual({
      secretKeyRef: { name: 'ingestion-database', key: 'DATABASE_URL' },
    });
    expect(env.map((e) => e.name)).not.toContain('INGESTION_DEV_WRITE_KEY');
  });

  it("authenticates every service to Kafka as its own KafkaUser, the password from Strimzi's Secret", () => {
    const objects = baseObjects();
    for (const s of platform.services) {
      expect(s.env).toHaveProperty('KAFKA_SASL_PASSWORD'); // libs/config reads it for every service
      expect(configData(s)).toMatchObject({
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: s.name,
      });
      expect(configData(s)).not.toHaveProperty('KAFKA_SASL_PASSWORD');
      expect(objects.some((o) => o.kind === 'KafkaUser' && o.metadata.name === s.name)).toBe(true);
      const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === s.name) as any;
      const env = deployment.spec.template.spec.containers[0].env as any[];
      expect(env.find((e) => e.name === 'KAFKA_SASL_PASSWORD').valueFrom).toEqual({
        secretKeyRef: { name: s.name, key: 'password' },
      });
      expect(env.find((e) => e.name === 'KAFKA_SASL_USERNAME').valueFrom).toEqual({
        configMapKeyRef: { name: s.name, key: 'KAFKA_SASL_USERNAME' },
      });
    }
  });

  it('adds a service that appears, with every piece it needs', () => {
    const extra = {
      ...platform.services[0],
      name: 'forecasting',
      port: 3009,
    } as Platform['services'][number];
    const files = baseFiles({ ...platform, services: [...platform.services, extra] }, toolsInfo(REPO));
    expect(files.get('forecasting.yaml')?.map((o) => o.kind)).toEqual([
      'ServiceAccount',
      'ConfigMap',
      'Service',
      'Deployment',
      'PodDisruptionBudget',
      'PodMonitor',
      'NetworkPolicy',
      'NetworkPolicy',
      'KafkaUser',
      'ScaledObject',
    ]);
  });
});
