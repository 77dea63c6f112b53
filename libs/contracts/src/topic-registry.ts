import type { AvroSchema } from './avro-schema';
import { SCHEMAS, type EventTypeMap } from './generated';
import { ALL_INTAKE_TOPICS } from './intake-topics';

/** A service of the platform. Services never import each other; they meet on topics. */
export type ServiceName = 'ingestion' | 'scoring' | 'routing' | 'sla-monitor' | 'attribution' | 'reporting';

/** One topic: one writer, one event type, one schema (subject `<name>-value`), keyed by an aggregate id. */
export type TopicDef<E extends keyof EventTypeMap = keyof EventTypeMap> = {
  readonly name: string;
  readonly eventType: E;
  readonly writer: ServiceName;
  /** Field of the value whose value is the record key (the aggregate id). Never PII. Checked against the event type in `def`. */
  readonly keyField: string;
  readonly readers: readonly ServiceName[];
  /** How long the topic keeps what it is given (see RETENTION_CLASSES). */
  readonly retention: EventRetention;
  /** Carries personal data (names, contact details): only the compacted profile topic may. */
  readonly personalData: boolean;
  readonly schemaFile: string;
  readonly schema: AvroSchema;
  readonly doc: string;
};

/**
 * What a topic's retention is for: `history` topics are the platform's facts, kept for as long as a
 * read model or a credit may need rebuilding (unlimited in production); a `profile` topic is
 * compacted (the latest value per key, erasure by tombstone). Intake and dead-letter topics have
 * bounded classes of their own. The settings per class are in libs/contracts/src/retention.ts.
 */
export type EventRetention = 'history' | 'profile';

type DefOptions = { readonly retention?: EventRetention; readonly personalData?: boolean };

const def = <E extends keyof EventTypeMap>(
  eventType: E,
  writer: ServiceName,
  keyField: string & keyof EventTypeMap[E],
  readers: readonly ServiceName[],
  options: DefOptions = {},
): TopicDef<E> => {
  const entry = SCHEMAS[eventType];
  return {
    name: `${writer}.${eventType}.v1`,
    eventType,
    writer,
    keyField,
    readers,
    retention: options.retention ?? 'history',
    personalData: options.personalData ?? false,
    schemaFile: entry.file,
    schema: entry.schema,
    doc: String((entry.schema as { doc?: string }).doc ?? ''),
  };
};

/** The typed registry of every topic of the platform: the single source for provisioning, AsyncAPI and clients. */
export const TOPICS = {
  leadUpserted: def('lead-upserted', 'ingestion', 'leadId', [
    'scoring',
    'routing',
    'sla-monitor',
    'attribution',
    'reporting',
  ]),
  leadProfile: def('lead-profile', 'ingestion', 'leadId', ['reporting'], {
    retention: 'profile',
    personalData: true,
  }),
  touchpointRecorded: def('touchpoint-recorded', 'ingestion', 'leadId', [
    'scoring',
    'attribution',
    'reporting',
  ]),
  salesActivityRecorded: def('sales-activity-recorded', 'ingestion', 'leadId', [
    'sla-monitor',
    'attribution',
    'reporting',
  ]),
  leadDispositioned: def('lead-dispositioned', 'ingestion', 'leadId', [
    'scoring',
    'sla-monitor',
    'reporting',
  ]),
  opportunityUpdated: def('opportunity-updated', 'ingestion', 'opportunityId', [
    'scoring',
    'attribution',
    'reporting',
  ]),
  campaignCostRecorded: def('campaign-cost-recorded', 'ingestion', 'campaignId', [
    'attribution',
    'reporting',
  ]),
  leadsMerged: def('leads-merged', 'ingestion', 'leadId', [
    'scoring',
    'routing',
    'sla-monitor',
    'attribution',
    'reporting',
  ]),
  leadErased: def('lead-erased', 'ingestion', 'leadId', [
    'scoring',
    'routing',
    'sla-monitor',
    'attribution',
    'reporting',
  ]),
  leadScored: def('lead-scored', 'scoring', 'leadId', ['sla-monitor', 'reporting']),
  lifecycleChanged: def('lifecycle-changed', 'scoring', 'leadId', [
    'routing',
    'sla-monitor',
    'attribution',
    'reporting',
  ]),
  accountScored: def('account-scored', 'scoring', 'accountId', ['routing', 'reporting']),
  leadAssigned: def('lead-assigned', 'routing', 'leadId', ['sla-monitor', 'reporting']),
  slaStatusChanged: def('sla-status-changed', 'sla-monitor', 'leadId', ['routing', 'reporting']),
  volumeSlaEvaluated: def('volume-sla-evaluated', 'sla-monitor', 'policyId', ['reporting']),
  attributionCredited: def('attribution-credited', 'attribution', 'conversionId', ['reporting']),
} as const;

export type TopicKey = keyof typeof TOPICS;
export const ALL_TOPICS: readonly TopicDef[] = Object.values(TOPICS) as TopicDef[];

/** Value type carried by a topic. */
export type EventOf<T extends TopicDef> = T extends TopicDef<infer E> ? EventTypeMap[E] : never;

/** Dead-letter topic of one consumer for one source topic: `<consumer>.<source-topic>.dlq`. */
export const dlqTopicName = (consumer: string, sourceTopic: string): string =>
  `${consumer}.${sourceTopic}.dlq`;

/** Every dead-letter topic implied by the readers of the registry, intake topics included. */
export const ALL_DLQ_TOPICS: readonly string[] = [
  ...ALL_TOPICS.flatMap((t) => t.readers.map((r) => dlqTopicName(r, t.name))),
  ...ALL_INTAKE_TOPICS.flatMap((t) => t.readers.map((r) => dlqTopicName(r, t.name))),
];

export const topicByName = (name: string): TopicDef | undefined => ALL_TOPICS.find((t) => t.name === name);
