import { randomUUID } from 'node:crypto';
import { LEAD_ID_NAMESPACE, TOPICS, uuidV5 } from '@smarketing/contracts';
import type { KafkaPort, RawRecord } from '../kafka/kafka-port';

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const EMAIL_IN_TEXT = /[^\s"'<>(),;:\\[\]]+@[^\s"'<>(),;:\\[\]]+\.[a-z]{2,}/gi;

/**
 * Every lead id erased so far: `ingestion.lead-erased.v1` read from the beginning (it is a history
 * topic, kept without limit in production, so it knows every erasure) until `idleMs` pass without
 * a new record. Only topics: the replay needs no service's database.
 */
export async function readErasedLeadIds(
  kafka: KafkaPort,
  options: { topic?: string; idleMs?: number } = {},
): Promise<Set<string>> {
  const erased = new Set<string>();
  let lastSeen = Date.now();
  // Nothing is committed (the group is throwaway), so the client fetches a batch again until the
  // next one: only records past the last offset seen per partition are new.
  const next = new Map<number, bigint>();
  const handle = await kafka.runConsumer({
    groupId: `erased-leads-reader-${randomUUID()}`,
    topics: [options.topic ?? TOPICS.leadErased.name],
    fromBeginning: true,
    onBatch: async (batch) => {
      for (const r of batch.records) {
        const offset = BigInt(r.offset);
        if (offset < (next.get(r.partition) ?? 0n)) continue;
        next.set(r.partition, offset + 1n);
        lastSeen = Date.now();
        // The record key is the lead id (the topic's key field), so nothing needs decoding.
        if (r.key) erased.add(r.key.toString('utf8').toLowerCase());
      }
    },
  });
  await handle.joined;
  const idle = options.idleMs ?? 3_000;
  while (Date.now() - lastSeen < idle) await new Promise((r) => setTimeout(r, 100));
  await handle.stop();
  return erased;
}

/**
 * The lead ids a dead letter concerns, found without decoding it: every UUID in its key and value
 * (Avro writes strings as UTF-8 bytes, JSON as text), and the lead id of every email address in the
 * value (the platform's `leadId = uuidV5(email)`, for intake records that name a person only by
 * email; the email normalized as ingestion does: spaces removed, lower case, NFC).
 */
export function leadIdsIn(record: Pick<RawRecord, 'key' | 'value'>): Set<string> {
  const ids = new Set<string>();
  for (const part of [record.key, record.value]) {
    if (!part) continue;
    const text = part.toString('utf8');
    for (const m of text.matchAll(UUID_IN_TEXT)) ids.add(m[0].toLowerCase());
    for (const m of text.matchAll(EMAIL_IN_TEXT))
      ids.add(uuidV5(m[0].normalize('NFC').toLowerCase().normalize('NFC'), LEAD_ID_NAMESPACE));
  }
  return ids;
}

/** True when the dead letter concerns a lead in `erased`. */
export const concernsErasedLead = (
  record: Pick<RawRecord, 'key' | 'value'>,
  erased: ReadonlySet<string>,
): boolean => erased.size > 0 && [...leadIdsIn(record)].some((id) => erased.has(id));
