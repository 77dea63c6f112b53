import { ALL_DLQ_TOPICS, ALL_INTAKE_TOPICS, ALL_TOPICS } from '@smarketing/contracts';

/** What a topic is for: an event stream (one writer, many readers; intake topics included) or a consumer's dead letters. */
export type TopicRole = 'event' | 'dlq';

/** The desired state of one topic. */
export type TopicSpec = {
  readonly name: string;
  readonly role: TopicRole;
  readonly partitions: number;
  readonly replication: number;
  readonly configs: Readonly<Record<string, string>>;
};

export type TopicSettings = {
  readonly partitions: number;
  readonly replication: number;
  readonly retentionMs: number;
  readonly dlqRetentionMs: number;
};

/** Topic configs per role. min.insync.replicas only means something with more than one replica. */
export function topicConfigs(role: TopicRole, s: TopicSettings): Record<string, string> {
  const configs: Record<string, string> = {
    'cleanup.policy': 'delete',
    'retention.ms': String(role === 'dlq' ? s.dlqRetentionMs : s.retentionMs),
  };
  if (s.replication > 1) configs['min.insync.replicas'] = String(Math.min(2, s.replication - 1));
  return configs;
}

/** Every topic of the registry, every intake topic, and every dead-letter topic their readers imply. */
export function platformTopicSpecs(
  s: TopicSettings,
  events: readonly string[] = [...ALL_TOPICS, ...ALL_INTAKE_TOPICS].map((t) => t.name),
  dlqs: readonly string[] = ALL_DLQ_TOPICS,
): TopicSpec[] {
  const spec = (name: string, role: TopicRole): TopicSpec => ({
    name,
    role,
    partitions: s.partitions,
    replication: s.replication,
    configs: topicConfigs(role, s),
  });
  return [...events.map((n) => spec(n, 'event')), ...dlqs.map((n) => spec(n, 'dlq'))];
}
