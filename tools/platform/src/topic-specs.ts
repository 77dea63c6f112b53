import {
  ALL_INTAKE_TOPICS,
  ALL_TOPICS,
  dlqTopicName,
  RETENTION,
  type IntakeTopicDef,
  type RetentionClass,
  type RetentionProfile,
  type TopicDef,
} from '@smarketing/contracts';

/**
 * What a topic is for: an event stream (one writer, many readers), the compacted personal-data
 * profile, an intake topic written outside the platform, or a consumer's dead letters. Its retention
 * class follows (libs/contracts/src/retention.ts).
 */
export type TopicRole = 'event' | 'profile' | 'intake' | 'dlq';

const CLASS_OF_ROLE: Readonly<Record<TopicRole, RetentionClass>> = {
  event: 'history',
  profile: 'profile',
  intake: 'intake',
  dlq: 'dead-letter',
};

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
  readonly retentionProfile: RetentionProfile;
};

/** Topic configs per role. min.insync.replicas only means something with more than one replica. */
export function topicConfigs(role: TopicRole, s: TopicSettings): Record<string, string> {
  const configs: Record<string, string> = { ...RETENTION[s.retentionProfile][CLASS_OF_ROLE[role]] };
  if (s.replication > 1) configs['min.insync.replicas'] = String(Math.min(2, s.replication - 1));
  return configs;
}

/** Every topic of the registry, every intake topic, and every dead-letter topic their readers imply. */
export function platformTopicSpecs(
  s: TopicSettings,
  events: readonly TopicDef[] = ALL_TOPICS,
  intake: readonly IntakeTopicDef[] = ALL_INTAKE_TOPICS,
): TopicSpec[] {
  const spec = (name: string, role: TopicRole): TopicSpec => ({
    name,
    role,
    partitions: s.partitions,
    replication: s.replication,
    configs: topicConfigs(role, s),
  });
  const dlqs = [...events, ...intake].flatMap((t) => t.readers.map((r) => dlqTopicName(r, t.name)));
  return [
    ...events.map((t) => spec(t.name, t.retention === 'profile' ? 'profile' : 'event')),
    ...intake.map((t) => spec(t.name, 'intake')),
    ...dlqs.map((n) => spec(n, 'dlq')),
  ];
}
