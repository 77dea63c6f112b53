import { ALL_DLQ_TOPICS, ALL_INTAKE_TOPICS, ALL_TOPICS } from '@smarketing/contracts';
import { loadPlatformConfig } from '../platform-config';
import { platformTopicSpecs, topicConfigs } from '../topic-specs';

const DAY = 24 * 60 * 60 * 1000;

describe('platform topic specs', () => {
  it('defaults to 6 partitions, replication 1, 7-day events and 30-day dead letters', () => {
    const specs = platformTopicSpecs(loadPlatformConfig({}));
    expect(specs.map((s) => s.name)).toEqual([
      ...ALL_TOPICS.map((t) => t.name),
      ...ALL_INTAKE_TOPICS.map((t) => t.name),
      ...ALL_DLQ_TOPICS,
    ]);
    const event = specs.find((s) => s.role === 'event')!;
    const dlq = specs.find((s) => s.role === 'dlq')!;
    expect(event).toMatchObject({
      partitions: 6,
      replication: 1,
      configs: { 'cleanup.policy': 'delete', 'retention.ms': String(7 * DAY) },
    });
    expect(dlq).toMatchObject({
      partitions: 6,
      replication: 1,
      configs: { 'cleanup.policy': 'delete', 'retention.ms': String(30 * DAY) },
    });
  });

  it('sets min.insync.replicas only when there is more than one replica', () => {
    const base = { partitions: 3, retentionMs: 1, dlqRetentionMs: 2 };
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

  it('rejects an invalid environment with the variable named', () => {
    expect(() => loadPlatformConfig({ TOPIC_PARTITIONS: '0' })).toThrow(/TOPIC_PARTITIONS/);
  });
});
