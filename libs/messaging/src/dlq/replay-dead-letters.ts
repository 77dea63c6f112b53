import { DLQ_HEADER } from '@smarketing/contracts';
import type { KafkaPort, OutgoingRecord, RawRecord } from '../kafka/kafka-port';
import { concernsErasedLead } from './erased-leads';

export type ReplayOptions = {
  readonly kafka: KafkaPort;
  /** The dead-letter topic, `<consumer>.<source-topic>.dlq`. */
  readonly dlqTopic: string;
  /** Only replay records whose error class matches (e.g. after fixing one bug). */
  readonly errorClass?: string;
  /** Stop after this long without new records. */
  readonly idleMs?: number;
  readonly dryRun?: boolean;
  /**
   * Lead ids erased so far (readErasedLeadIds): a dead letter that concerns one is never
   * re-published, only counted and passed over for good, so a replay cannot bring an erased
   * person's data back.
   */
  readonly erased: ReadonlySet<string>;
  readonly onRecord?: (record: RawRecord, outcome: ReplayOutcome) => void;
};

/** What the replay did with one dead letter. */
export type ReplayOutcome = 'replayed' | 'would-replay' | 'skipped' | 'erased';

/** The original record a dead letter carries: its topic, key, value and headers, minus the dlq-* headers. */
export function originalOf(record: RawRecord): OutgoingRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(record.headers)) if (!k.startsWith('dlq-')) headers[k] = v;
  const topic = record.headers[DLQ_HEADER.originalTopic];
  if (!topic)
    throw new Error(
      `dead letter at ${record.topic}/${record.partition}@${record.offset} has no ${DLQ_HEADER.originalTopic} header`,
    );
  return { topic, key: record.key, value: record.value, headers };
}

/**
 * Re-publishes dead letters to their original topic with their original event-id, so a fixed
 * consumer applies them once (consumers that already applied them skip them by their inbox).
 * Progress is a consumer group (`<dlq-topic>.replay`): running it again replays only new dead letters.
 */
export async function replayDeadLetters(
  o: ReplayOptions,
): Promise<{ replayed: number; skipped: number; erased: number }> {
  const producer = o.kafka.producer();
  await producer.connect();
  let replayed = 0;
  let skipped = 0;
  let erased = 0;
  let lastSeen = Date.now();
  const seen = new Set<string>();
  const handle = await o.kafka.runConsumer({
    groupId: `${o.dlqTopic}.replay`,
    topics: [o.dlqTopic],
    fromBeginning: true,
    concurrency: 1,
    onBatch: async (batch, control) => {
      const out: OutgoingRecord[] = [];
      for (const r of batch.records) {
        // A dry run resolves no offsets, so the client fetches the same records again: count each once.
        // (Only then: a real run that failed must send a re-fetched batch again.)
        const at = `${r.partition}@${r.offset}`;
        if (o.dryRun && seen.has(at)) continue;
        seen.add(at);
        lastSeen = Date.now();
        let outcome: ReplayOutcome;
        if (concernsErasedLead(r, o.erased)) outcome = 'erased';
        else if (o.errorClass && r.headers[DLQ_HEADER.errorClass] !== o.errorClass) outcome = 'skipped';
        else outcome = o.dryRun ? 'would-replay' : 'replayed';
        if (outcome === 'erased') erased++;
        else if (outcome === 'skipped') skipped++;
        else out.push(originalOf(r));
        o.onRecord?.(r, outcome);
      }
      if (o.dryRun) return; // nothing committed: a dry run changes nothing
      if (out.length) await producer.send(out);
      replayed += out.length;
      const last = batch.records[batch.records.length - 1];
      if (last) await control.commit(last.offset);
    },
  });
  await handle.joined;
  const idle = o.idleMs ?? 5_000;
  while (Date.now() - lastSeen < idle) await new Promise((r) => setTimeout(r, 250));
  await handle.stop();
  await producer.disconnect();
  return { replayed, skipped, erased };
}
