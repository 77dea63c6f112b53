import {
  ALL_INTAKE_TOPICS,
  ALL_TOPICS,
  DLQ_HEADER,
  HEADER,
  dlqTopicName,
  type IntakeTopicDef,
  type TopicDef,
} from '@smarketing/contracts';
import { stringify } from 'yaml';
import { loadPlatformConfig } from './platform-config';
import { valueSubject } from './register-schemas';
import { platformTopicSpecs, type TopicSpec } from './topic-specs';

/** The Avro schema format id of AsyncAPI 3 (Avro 1.9.0 is the latest version the spec names). */
export const AVRO_SCHEMA_FORMAT = 'application/vnd.apache.avro;version=1.9.0';
const KAFKA_BINDING = '0.5.0';

type Doc = Record<string, unknown>;

const pascal = (s: string): string =>
  s.replace(/(^|[-_.])([a-z0-9])/g, (_m, _p, c: string) => c.toUpperCase());
const camel = (s: string): string => {
  const p = pascal(s);
  return p.charAt(0).toLowerCase() + p.slice(1);
};
const str = (description: string, extra: Doc = {}): Doc => ({ type: 'string', description, ...extra });

/** Headers on every event record (libs/contracts/src/headers.ts; written by libs/messaging's outbox). */
function eventHeaders(t: TopicDef): Doc {
  return {
    type: 'object',
    required: [HEADER.eventId, HEADER.eventType, HEADER.occurredAt, HEADER.producer],
    properties: {
      [HEADER.eventId]: str('Event id, the idempotency key consumers deduplicate on.', { format: 'uuid' }),
      [HEADER.eventType]: str('Event type.', { const: t.eventType }),
      [HEADER.occurredAt]: str('Event time (when it happened), ISO 8601 UTC.', { format: 'date-time' }),
      [HEADER.producer]: str('Service that wrote the event.', { const: t.writer }),
      [HEADER.traceparent]: str('W3C trace context of the producing operation.'),
      [HEADER.tracestate]: str('W3C trace state, when present.'),
    },
    // Not written on records; what a CloudEvents-aware reader maps the headers to (binary mode).
    'x-cloudevents': {
      [HEADER.ceSpecVersion]: '1.0',
      [HEADER.ceId]: `header ${HEADER.eventId}`,
      [HEADER.ceType]: `io.smarketing.${t.eventType}.v1`,
      [HEADER.ceSource]: `/smarketing/${t.writer}`,
      [HEADER.ceTime]: `header ${HEADER.occurredAt}`,
    },
  };
}

function dlqHeaders(): Doc {
  const d = DLQ_HEADER;
  return {
    type: 'object',
    description:
      'The dead-lettered record keeps all its own headers (event-id, event-type, ...) and gains these.',
    required: [
      d.originalTopic,
      d.originalPartition,
      d.originalOffset,
      d.errorClass,
      d.errorMessage,
      d.attempts,
      d.consumer,
      d.failedAt,
    ],
    properties: {
      [HEADER.eventId]: str(
        'The original event id (intake records may have none), kept so that a replay stays idempotent.',
      ),
      [d.originalTopic]: str('Topic the record was consumed from.'),
      [d.originalPartition]: str('Its partition (decimal).'),
      [d.originalOffset]: str('Its offset (decimal).'),
      [d.errorClass]: str('Class of the permanent error, e.g. UndecodableEventError.'),
      [d.errorMessage]: str('Error message, at most 1000 characters.'),
      [d.attempts]: str('Attempts made (decimal).'),
      [d.consumer]: str('Consumer (service) that gave up on it.'),
      [d.failedAt]: str('When it was dead-lettered, ISO 8601 UTC.', { format: 'date-time' }),
    },
  };
}

const channelBindings = (s: TopicSpec): Doc => ({
  kafka: {
    topic: s.name,
    partitions: s.partitions,
    replicas: s.replication,
    // The production settings (libs/contracts RETENTION); the local stack bounds history further.
    topicConfiguration: Object.fromEntries(
      Object.entries(s.configs).map(([k, v]) => [k, k === 'cleanup.policy' ? [v] : Number(v)]),
    ),
    bindingVersion: KAFKA_BINDING,
  },
});

/** Builds the AsyncAPI 3.0 document of every topic (and dead-letter topic) from the topic registry. */
export function buildAsyncApi(
  topics: readonly TopicDef[] = ALL_TOPICS,
  intake: readonly IntakeTopicDef[] = ALL_INTAKE_TOPICS,
): Doc {
  // The document describes the defaults, not one environment's overrides, so it is reproducible.
  const defaults = loadPlatformConfig({});
  const specs = new Map(platformTopicSpecs(defaults, topics, intake).map((s) => [s.name, s]));
  const spec = (name: string): TopicSpec => specs.get(name) as TopicSpec;
  const channels: Doc = {};
  const operations: Doc = {};
  const messages: Doc = {};

  const addReaders = (
    t: { name: string; readers: readonly string[]; personalData?: boolean },
    id: string,
    messageName: string,
  ): void => {
    for (const reader of t.readers) {
      operations[`${camel(reader)}Receives${pascal(id)}`] = {
        action: 'receive',
        title: `${reader} reads ${t.name}`,
        channel: { $ref: `#/channels/${id}` },
        messages: [{ $ref: `#/channels/${id}/messages/${messageName}` }],
        bindings: { kafka: { groupId: { type: 'string', const: reader }, bindingVersion: KAFKA_BINDING } },
        'x-readers': [reader],
      };

      const dlq = dlqTopicName(reader, t.name);
      const dlqId = `${camel(reader)}Dlq${pascal(id)}`;
      channels[dlqId] = {
        address: dlq,
        title: dlq,
        description: `Dead letters of ${reader} for ${t.name}: records it could not process (undecodable, schema-incompatible, invalid for the business). Replayable with their original event-id.`,
        messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
        bindings: channelBindings(spec(dlq)),
        'x-writer': reader,
        'x-readers': [],
        'x-source-topic': t.name,
        'x-retention-class': 'dead-letter',
        // A dead letter keeps the rejected payload as it came.
        'x-personal-data': t.personalData !== false,
      };
      operations[`${camel(reader)}DeadLetters${pascal(id)}`] = {
        action: 'send',
        title: `${reader} dead-letters ${t.name}`,
        channel: { $ref: `#/channels/${dlqId}` },
        messages: [{ $ref: `#/channels/${dlqId}/messages/DeadLetter` }],
        'x-writer': reader,
      };
    }
  };

  for (const t of topics) {
    const id = camel(t.eventType);
    const messageName = pascal(t.eventType);
    messages[messageName] = {
      name: messageName,
      title: messageName,
      summary: t.doc,
      contentType: 'application/vnd.apache.avro+binary',
      description: `Value: Confluent wire format (magic byte 0, 4-byte schema id, Avro binary), schema registered under subject \`${valueSubject(t.name)}\`. Key: the \`${t.keyField}\` field as a UTF-8 string.`,
      headers: eventHeaders(t),
      payload: { schemaFormat: AVRO_SCHEMA_FORMAT, schema: t.schema },
      bindings: {
        kafka: {
          key: str(`The ${t.keyField} of the value (aggregate id; never PII).`, {
            'x-key-field': t.keyField,
          }),
          schemaIdLocation: 'payload',
          schemaIdPayloadEncoding: 'confluent',
          schemaLookupStrategy: 'TopicNameStrategy',
          bindingVersion: KAFKA_BINDING,
        },
      },
      'x-key-field': t.keyField,
      'x-subject': valueSubject(t.name),
      'x-schema-file': t.schemaFile,
    };
    channels[id] = {
      address: t.name,
      title: t.name,
      description: t.doc,
      messages: { [messageName]: { $ref: `#/components/messages/${messageName}` } },
      bindings: channelBindings(spec(t.name)),
      'x-writer': t.writer,
      'x-readers': [...t.readers],
      'x-retention-class': spec(t.name).role === 'profile' ? 'profile' : 'history',
      'x-personal-data': t.personalData,
    };
    operations[`${camel(t.writer)}Sends${messageName}`] = {
      action: 'send',
      title: `${t.writer} writes ${t.name}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${messageName}` }],
      'x-writer': t.writer,
    };
    addReaders(t, id, messageName);
  }

  for (const t of intake) {
    const id = camel(`intake-${t.name.split('.')[1] ?? t.name}`);
    const messageName = pascal(id);
    messages[messageName] = {
      name: messageName,
      title: t.name,
      summary: t.doc,
      contentType: 'application/json',
      description:
        'Written by tools outside the platform; validated by ingestion like its HTTP input (same shapes), rejected records are dead-lettered.',
      payload: { type: 'object', description: t.doc },
      bindings: {
        kafka: { key: str('Any key; the platform does not rely on it.'), bindingVersion: KAFKA_BINDING },
      },
    };
    channels[id] = {
      address: t.name,
      title: t.name,
      description: t.doc,
      messages: { [messageName]: { $ref: `#/components/messages/${messageName}` } },
      bindings: channelBindings(spec(t.name)),
      'x-writer': t.writer,
      'x-readers': [...t.readers],
      'x-retention-class': 'intake',
      // Raw JSON from outside: it may carry anything the sender puts in it, personal data included.
      'x-personal-data': true,
    };
    operations[`${t.writer}Sends${messageName}`] = {
      action: 'send',
      title: `${t.writer} tools write ${t.name}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${messageName}` }],
      'x-writer': t.writer,
    };
    addReaders(t, id, messageName);
  }
  messages.DeadLetter = {
    name: 'DeadLetter',
    title: 'Dead letter',
    summary: 'A record a consumer gave up on, byte for byte, with why and where it came from.',
    contentType: 'application/octet-stream',
    headers: dlqHeaders(),
    payload: {
      type: 'string',
      format: 'binary',
      description: 'The original record value, unchanged (possibly not decodable).',
    },
    bindings: { kafka: { key: str('The original record key, unchanged.'), bindingVersion: KAFKA_BINDING } },
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Smarketing platform events',
      version: '1.0.0',
      description:
        'Every topic of the Smarketing platform: one writer and one event type per topic, Avro values in the Confluent wire format, ' +
        'keys are aggregate ids. Generated from libs/contracts (the topic registry) and schemas/ by ' +
        '`npx nx run @smarketing/platform-tools:asyncapi`; do not edit by hand.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/vnd.apache.avro+binary',
    servers: {
      local: {
        host: defaults.brokers.join(','),
        protocol: 'kafka',
        protocolVersion: '4.4.0',
        description: 'Local stack (bash deploy/local/stack.sh start): single-node Kafka in KRaft mode.',
        bindings: {
          kafka: {
            schemaRegistryUrl: defaults.registryUrl,
            schemaRegistryVendor: 'apicurio',
            bindingVersion: KAFKA_BINDING,
          },
        },
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

/** The document as committed: YAML with a generated-file banner. */
export function renderAsyncApi(doc: Doc = buildAsyncApi()): string {
  const banner =
    '# Generated by tools/platform/src/asyncapi.main.ts from libs/contracts and schemas/. Do not edit.\n';
  return banner + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
