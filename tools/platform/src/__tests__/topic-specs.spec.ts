import {
  ALL_DLQ_TOPICS,
  ALL_INTAKE_TOPICS,
  ALL_TOPICS,
  INTAKE_TOPICS,
  RETENTION,
  TOPICS,
} from '@smarketing/contracts';
import { loadKafkaConnection, loadPlatformConfig } from '../platform-config';
import { platformTopicSpecs, topicConfigs } from '../topic-specs';

const DAY = 24 * 60 * 60 * 1000;

describe('platform topic specs', () => {
  it('gives every topic its retention class: facts kept, the profile compacted, intake and dead letters bounded', () => {
    const specs = platformTopicSpecs(loadPlatformConfig({}));
    expect(specs.map((s) => s.name)).toEqual([
      ...ALL_TOPICS.map((t) => t.name),
      ...ALL_INTAKE_TOPICS.map((t) => t.name),
      ...ALL_DLQ_TOPICS,
    ]);
    const byName = new Map(specs.map((s) => [s.name, s]));
    expect(byName.get(TOPICS.leadScored.name)).toMatchObject({
      role: 'event',
      partitions: 6,
      replication: 1,
      configs: { 'cleanup.policy': 'delete', 'retention.ms': '-1', 'retention.bytes': '-1' },
    });
    expect(byName.get(TOPICS.leadProfile.name)).toMatchObject({
      role: 'profile',
      configs: {
        'cleanup.policy': 'compact',
        'max.compaction.lag.ms': String(DAY),
        'delete.retention.ms': String(DAY),
      },
    });
    expect(byName.get(INTAKE_TOPICS.segment.name)).toMatchObject({
      role: 'intake',
      configs: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY) },
    });
    expect(byName.get(ALL_DLQ_TOPICS[0]!)).toMatchObject({
      role: 'dlq',
      configs: { 'cleanup.policy': 'delete', 'retention.ms': String(14 * DAY) },
    });
    // Only the profile topic is compacted, and only it may carry personal data.
    expect(specs.filter((s) => s.configs['cleanup.policy'] === 'compact').map((s) => s.name)).toEqual([
      TOPICS.leadProfile.name,
    ]);
    expect(ALL_TOPICS.filter((t) => t.personalData).map((t) => t.name)).toEqual([TOPICS.leadProfile.name]);
  });

  it('bounds history on the local profile and makes erasure visible within minutes', () => {
    const local = platformTopicSpecs(loadPlatformConfig({ TOPIC_RETENTION_PROFILE: 'local' }));
    const event = local.find((s) => s.name === TOPICS.leadScored.name)!;
    expect(Number(event.configs['retention.ms'])).toBe(30 * DAY);
    expect(Number(event.configs['retention.bytes'])).toBeGreaterThan(0);
    const profile = local.find((s) => s.role === 'profile')!;
    expect(Number(profile.configs['max.compaction.lag.ms'])).toBeLessThanOrEqual(10 * 60 * 1000);
    expect(RETENTION.local).not.toEqual(RETENTION.production);
  });

  it('sets min.insync.replicas only when there is more than one replica', () => {
    const base = { partitions: 3, retentionProfile: 'production' } as const;
    expect(topicConfigs('event', { ...base, replication: 1 })).not.toHaveProperty('min.insync.replicas');
    expect(topicConfigs('event', { ...base, replication: 3 })['min.insync.replicas']).toBe('2');
  });

  it('reads partitions, replication and retention from the environment', () => {
    const c = loadPlatformConfig({
      TOPIC_PARTITIONS: '12',
      TOPIC_REPLICATION: '3',
      KAFKA_BROKERS: 'a:9092, b:9092',
    });
    expect(c).toMatchObject({ partitions: 12, replication: 3, brokers: ['a:9092', 'b:9092'] });
  });

  it("connects with the services' Kafka credentials and TLS", () => {
    const env = {
      KAFKA_BROKERS: 'k:9093',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'smarketing-admin',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_TLS: 'true',
    };
    const expected = {
      brokers: ['k:9093'],
      sasl: { mechanism: 'scram-sha-512', username: 'smarketing-admin', password: 'pw' },
      tls: {},
    };
    expect(loadPlatformConfig(env)).toMatchObject(expected);
    expect(loadKafkaConnection(env)).toEqual(expected);
    expect(() => loadKafkaConnection({ KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      /KAFKA_SASL_USERNAME: required/,
    );
  });

  it('rejects an invalid environment with the variable named', () => {
    expect(() => loadPlatformConfig({ TOPIC_PARTITIONS: '0' })).toThrow(/TOPIC_PARTITIONS/);
    expect(() => loadPlatformConfig({ TOPIC_RETENTION_PROFILE: 'forever' })).toThrow(
      /TOPIC_RETENTION_PROFILE/,
    );
  });
});
