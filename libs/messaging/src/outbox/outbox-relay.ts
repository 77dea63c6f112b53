import { topicByName, type TopicDef } from '@smarketing/contracts';
import type { DataSource, QueryRunner } from 'typeorm';
import type { OutgoingRecord, ProducerPort } from '../kafka/kafka-port';
import type { LoggerPort } from '../logger-port';
import type { MessagingMetrics } from '../messaging-metrics';
import { retryTransient } from '../retry';
import type { AvroSerde } from '../serde/avro-serde';
import { eventHeaders, type OutboxRecord } from './outbox-writer';

export type OutboxRelayOptions = {
  readonly dataSource: DataSource;
  readonly producer: ProducerPort;
  readonly serde: AvroSerde;
  /** The `producer` header (the service's name). */
  readonly producerName: string;
  readonly logger: LoggerPort;
  readonly metrics: MessagingMetrics;
  /** Rows published per round trip. */
  readonly batchSize?: number;
  /** Poll interval when idle; `wake()` cuts it short when a transaction just wrote rows. */
  readonly idleMs?: number;
  /**
   * After a round that was not full, the next one starts no sooner than this after the last round
   * that published anything started. Transactions committing close together then share one produce
   * request (one append and fsync per partition on the broker) and one read-and-delete round trip.
   * Events reach Kafka at most this much later; the writers' answers are not delayed. Default 100.
   */
  readonly lingerMs?: number;
  /** Inbox rows are kept this long: longer than the topics' retention, so a redelivery is still recognised. */
  readonly inboxRetentionMs?: number;
  /**
   * Topics outside the contracts registry that rows written before values were stored encoded may
   * name (tests, benchmarks); the registry is the fallback. Encoded rows need no topic lookup.
   */
  readonly topics?: readonly TopicDef[];
};

/** A row of messaging_outbox (one event), as versions before batches wrote them. */
type OutboxRow = {
  id: string;
  topic: string;
  message_key: string;
  event_id: string;
  event_type: string;
  occurred_ms: number;
  headers: Record<string, string>;
  /** The encoded value; null on rows written before values were stored encoded (payload is JSON). */
  value: Buffer | null;
  payload: unknown;
};

/** bigint ids arrive as decimal strings: shorter is smaller. */
const byId = (a: { id: string }, b: { id: string }): number =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const MAX_ID = '9223372036854775807';

/** Runs a `DELETE … RETURNING id, …` in the round's transaction; rows in id order (RETURNING has none). */
async function deleteReturning<R extends { id: string }>(
  qr: QueryRunner,
  sql: string,
  params: unknown[],
): Promise<R[]> {
  return ((await qr.query(sql, params, true)).records as R[]).sort(byId);
}

type BatchRow = { id: string; records: string; encoded_values: Buffer };

/**
 * Publishes outbox rows in id order with the idempotent producer and deletes them once the broker
 * acknowledged them (a delete writes far less than marking rows sent, and keeps the table small).
 * One relay per database is active at a time (a transaction-scoped advisory lock), which keeps
 * per-key order with any number of replicas; the others stand by. A crash between publish and
 * delete repeats a publish, never loses one; consumers' inboxes absorb the repeat.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  /** A wake() that came while no sleep was waiting (during a round): the next idle sleep is skipped. */
  private wokenDuringRound = false;
  private lastPurge = 0;
  /** The last round stopped at the oldest row of the other outbox table (see takeOldest). */
  private otherTableWaiting = false;
  private publishedRows = 0;

  private readonly extraTopics: Map<string, TopicDef>;
  private readonly batchSize: number;

  constructor(private readonly o: OutboxRelayOptions) {
    this.extraTopics = new Map((o.topics ?? []).map((t) => [t.name, t]));
    this.batchSize = o.batchSize ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Rows this relay published (and deleted) since it was created; for benchmarks and tests. */
  get published(): number {
    return this.publishedRows;
  }

  /** Ask for a publish round now (after a transaction committed outbox rows). */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenDuringRound = true;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Publishes until the outbox is empty; for tests, benchmarks and one-shot tools. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  private async run(): Promise<void> {
    const lingerMs = this.o.lingerMs ?? 100;
    let lastSendAt = 0; // when the last round that published something started
    while (this.running) {
      const roundStart = Date.now();
      this.wokenDuringRound = false;
      let published = 0;
      try {
        published = await retryTransient(() => this.publishOnce(), {
          isActive: () => this.running,
          onRetry: (error, attempt) => {
            this.o.metrics.retries.inc({ component: 'outbox-relay' });
            this.o.logger.warn({ err: String(error), attempt }, 'outbox relay: transient failure, retrying');
          },
        });
        if (published > 0) lastSendAt = roundStart;
        await this.maybePurge();
      } catch (error) {
        if (!this.running) break;
        this.o.logger.error({ err: String(error) }, 'outbox relay: publish failed');
        await this.sleep(1_000);
      }
      if (published < this.batchSize && !this.otherTableWaiting) {
        await this.sleep(this.o.idleMs ?? 200);
        const lingerLeft = lastSendAt + lingerMs - Date.now();
        if (this.running && lingerLeft > 0) await this.sleep(lingerLeft, { wakeable: false });
      }
    }
  }

  /**
   * One round: lock, take the oldest rows (up to batchSize events), publish them, delete them,
   * commit. Returns the events published.
   */
  async publishOnce(): Promise<number> {
    this.otherTableWaiting = false;
    const qr = this.o.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction();
      const [lock] = (await qr.query(
        `SELECT pg_try_advisory_xact_lock(hashtext('smarketing.outbox-relay')) AS locked`,
      )) as {
        locked: boolean;
      }[];
      if (!lock?.locked) {
        await qr.rollbackTransaction();
        return 0;
      }
      const records = await this.takeOldest(qr);
      if (records.length === 0) {
        await qr.commitTransaction();
        this.o.metrics.outboxDepth.set(0);
        return 0;
      }
      // In order, at most batchSize per produce request; the rows go only if every send succeeded.
      for (let i = 0; i < records.length; i += this.batchSize)
        await this.o.producer.send(records.slice(i, i + this.batchSize));
      await qr.commitTransaction();
      this.publishedRows += records.length;
      const byTopic = new Map<string, number>();
      for (const r of records) byTopic.set(r.topic, (byTopic.get(r.topic) ?? 0) + 1);
      for (const [topic, n] of byTopic) this.o.metrics.produced.inc({ topic }, n);
      return records.length;
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await qr.release();
    }
  }

  /**
   * Deletes (in the round's transaction) and returns the oldest events, in id order. Rows of
   * messaging_outbox_batches (one per transaction) and of messaging_outbox (one per event, written
   * by versions before batches, e.g. during a rolling upgrade) share one id sequence: a round
   * takes from the table holding the oldest row, up to the other table's oldest row.
   */
  private async takeOldest(qr: QueryRunner): Promise<OutgoingRecord[]> {
    // sent_at is only set by relays older than delete-on-publish (rows they marked are skipped).
    const [oldest] = (await qr.query(
      `SELECT (SELECT min(id) FROM messaging_outbox WHERE sent_at IS NULL) AS single,
              (SELECT min(id) FROM messaging_outbox_batches) AS batch`,
    )) as { single: string | null; batch: string | null }[];
    const single = oldest?.single ?? null;
    const batch = oldest?.batch ?? null;
    if (single === null && batch === null) return [];
    // Rows wait in both tables: whatever this round leaves, the next round takes at once.
    this.otherTableWaiting = single !== null && batch !== null;
    if (single !== null && (batch === null || BigInt(single) < BigInt(batch)))
      return this.takeSingles(qr, batch);
    return this.takeBatches(qr, single);
  }

  /** Batch rows older than `before`, until they hold batchSize events (at least one row). */
  private async takeBatches(qr: QueryRunner, before: string | null): Promise<OutgoingRecord[]> {
    const rows = await deleteReturning<BatchRow>(
      qr,
      `DELETE FROM messaging_outbox_batches WHERE id IN (
         SELECT id FROM (
           SELECT id, sum(record_count) OVER (ORDER BY id) - record_count AS earlier
           FROM messaging_outbox_batches WHERE id < COALESCE($2::bigint, ${MAX_ID}) ORDER BY id LIMIT $1) w
         WHERE earlier < $1)
       RETURNING id, records, encoded_values`,
      [this.batchSize, before],
    );
    const records: OutgoingRecord[] = [];
    for (const row of rows) {
      for (const r of JSON.parse(row.records) as OutboxRecord[]) {
        records.push({
          topic: r.topic,
          key: r.key,
          value: row.encoded_values.subarray(r.offset, r.offset + r.length),
          headers: this.headersOf(r.eventId, r.eventType, r.occurredAt, r.headers),
        });
      }
    }
    return records;
  }

  /** Rows of one event each (written by earlier versions) older than `before`, at most batchSize. */
  private async takeSingles(qr: QueryRunner, before: string | null): Promise<OutgoingRecord[]> {
    const rows = await deleteReturning<OutboxRow>(
      qr,
      `DELETE FROM messaging_outbox WHERE id IN (
         SELECT id FROM messaging_outbox
         WHERE sent_at IS NULL AND id < COALESCE($2::bigint, ${MAX_ID}) ORDER BY id LIMIT $1)
       RETURNING id, topic, message_key, event_id, event_type,
                 (extract(epoch FROM occurred_at) * 1000)::float8 AS occurred_ms, headers, value, payload`,
      [this.batchSize, before],
    );
    const records: OutgoingRecord[] = [];
    for (const r of rows) {
      records.push({
        topic: r.topic,
        key: r.message_key,
        value: r.value ?? (await this.encodeLegacy(r)),
        // Such rows may carry the trace context, or all headers and their CloudEvents copies.
        headers: this.headersOf(r.event_id, r.event_type, r.occurred_ms, r.headers),
      });
    }
    return records;
  }

  /** The platform headers of an event (eventHeaders), with what its row stored on top (trace context). */
  private headersOf(
    eventId: string,
    eventType: string,
    occurredAt: number,
    stored: Readonly<Record<string, string>> | undefined,
  ): Record<string, string> {
    const standard = eventHeaders({ eventId, eventType, occurredAt, producer: this.o.producerName });
    return stored === undefined ? standard : { ...standard, ...stored };
  }

  /** A row written before values were stored encoded holds JSON: encode it with its topic's schema. */
  private async encodeLegacy(r: OutboxRow): Promise<Buffer> {
    const topic = this.extraTopics.get(r.topic) ?? topicByName(r.topic);
    if (!topic) throw new Error(`outbox row ${r.id} names unknown topic ${r.topic}`);
    return this.o.serde.encode(topic, r.payload, { validated: true });
  }

  private async maybePurge(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < 60_000) return;
    this.lastPurge = now;
    await this.o.dataSource.query(
      `DELETE FROM messaging_inbox WHERE received_at < now() - $1::bigint * interval '1 millisecond'`,
      [this.o.inboxRetentionMs ?? 14 * 86_400_000],
    );
    const [depth] = (await this.o.dataSource.query(
      `SELECT (SELECT count(*) FROM messaging_outbox)::int
              + (SELECT COALESCE(sum(record_count), 0) FROM messaging_outbox_batches)::int AS n`,
    )) as { n: number }[];
    this.o.metrics.outboxDepth.set(depth?.n ?? 0);
  }

  /** Waits `ms`; `wake()` cuts it short unless not wakeable (`stop()` always does). */
  private sleep(ms: number, { wakeable = true } = {}): Promise<void> {
    if (wakeable && this.wokenDuringRound) {
      // Rows committed while the last round ran may not have been in its read: go again now.
      this.wokenDuringRound = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        if (wakeable || !this.running) {
          clearTimeout(t);
          this.wakeUp = undefined;
          resolve();
        }
      };
    });
  }
}
