import type { ServiceName } from './topic-registry';

/**
 * Topics that tools outside the platform write to (marketing automation, CRMs, CDPs that produce
 * to Kafka directly). Their values are JSON in the same shapes as the ingestion HTTP API, because
 * third-party producers rarely speak Avro; ingestion validates them like HTTP input and
 * dead-letters what it rejects.
 */
export type IntakeTopicDef = {
  readonly name: string;
  readonly format: 'json';
  readonly writer: 'external';
  readonly readers: readonly ServiceName[];
  readonly doc: string;
};

export const INTAKE_TOPICS = {
  segment: {
    name: 'intake.segment.v1',
    format: 'json',
    writer: 'external',
    readers: ['ingestion'],
    doc: 'Segment-spec calls (identify, track, page, group) as JSON, one per record; messageId is the idempotency key.',
  },
  crm: {
    name: 'intake.crm.v1',
    format: 'json',
    writer: 'external',
    readers: ['ingestion'],
    doc: 'CRM facts as JSON with a "kind": sales-activity, disposition, opportunity or campaign-cost, in the HTTP API shapes.',
  },
} as const satisfies Record<string, IntakeTopicDef>;

export const ALL_INTAKE_TOPICS: readonly IntakeTopicDef[] = Object.values(INTAKE_TOPICS);
