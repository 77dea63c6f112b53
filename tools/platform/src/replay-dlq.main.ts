/**
 * Replays dead letters to their original topic with their original event-id.
 *
 *   npm run replay-dlq -w @smarketing/platform-tools -- --topic <consumer>.<source-topic>.dlq [--error-class X] [--dry-run]
 *
 * env: KAFKA_BROKERS and the services' KAFKA_SASL_* / KAFKA_TLS* (libs/config; the local stack's by default). Dead letters of erased leads (by
 * ingestion.lead-erased.v1) are never replayed, only counted. Progress is the consumer group `<dlq>.replay`, so a second
 * run replays only dead letters that arrived since. Exit 0 on success, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { DLQ_HEADER } from '@smarketing/contracts';
import { KafkajsAdapter, readErasedLeadIds, replayDeadLetters } from '@smarketing/messaging';
import { loadKafkaConnection } from './platform-config';

async function main(): Promise<number> {
  let values: { topic?: string; 'error-class'?: string; 'dry-run'?: boolean; 'idle-ms'?: string };
  try {
    ({ values } = parseArgs({
      options: {
        topic: { type: 'string' },
        'error-class': { type: 'string' },
        'dry-run': { type: 'boolean' },
        'idle-ms': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(String((error as Error).message));
    return 2;
  }
  if (!values.topic || !values.topic.endsWith('.dlq')) {
    console.error(
      'usage: replay-dlq --topic <consumer>.<source-topic>.dlq [--error-class X] [--dry-run] [--idle-ms 5000]',
    );
    return 2;
  }
  const kafka = new KafkajsAdapter({
    ...loadKafkaConnection(),
    clientId: 'replay-dlq',
    log: (level, message) => console.error(`[kafkajs ${level}] ${message}`),
  });
  const dryRun = values['dry-run'] ?? false;
  try {
    // Every erasure so far, from the topics: a dead letter of an erased person is never replayed.
    const erased = await readErasedLeadIds(kafka);
    console.error(`${erased.size} erased lead ids known; their dead letters are passed over`);
    const result = await replayDeadLetters({
      kafka,
      dlqTopic: values.topic,
      errorClass: values['error-class'],
      dryRun,
      erased,
      idleMs: values['idle-ms'] ? Number(values['idle-ms']) : undefined,
      onRecord: (r, action) => {
        const h = r.headers;
        console.log(
          `${action}\t${h[DLQ_HEADER.originalTopic]}/${h[DLQ_HEADER.originalPartition]}@${h[DLQ_HEADER.originalOffset]}\tevent-id=${h['event-id'] ?? '-'}\t${h[DLQ_HEADER.errorClass]}: ${h[DLQ_HEADER.errorMessage]}`,
        );
      },
    });
    console.log(JSON.stringify({ topic: values.topic, dryRun, ...result }));
    return 0;
  } finally {
    await kafka.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
