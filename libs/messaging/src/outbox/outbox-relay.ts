import type { DataSource, QueryRunner } from 'typeorm';
import type { OutgoingRecord, ProducerPort } from '../kafka/kafka-port';
import type { LoggerPort } from '../logger-port';
import type { MessagingMetrics } from '../messaging-metrics';
import { retryTransient } from '../retry';
import { nextRoundDelay } from './next-round-delay';
import { produceRequests } from './produce-requests';
import { eventHeaders, type OutboxRecord } from './outbox-writer';

export type OutboxRelayOptions = {
  readonly dataSource: DataSource;
  readonly producer: ProducerPort;
  /** The `producer` header (the service's name). */
  readonly producerName: string;
  readonly logger: LoggerPort;
  readonly metrics: MessagingMetrics;
  /** Events per round: whole outbox rows until this many, sent in produce requests of at most this many. */
  readonly batchSize?: number;
  /** Poll interval when idle; `wake()` cuts it short when a transaction just wrote rows. */
  readonly idleMs?: number;
  /**
   * The ceiling of the linger. After a round that published rows but not a full batch, the relay
   * rests as long as that round took, but never past this after the round started; a `wake()`
   * meanwhile waits (`nextRoundDelay`, next-round-delay.ts). Idle, a round is short and a commit is
   * published almost at once; under load rounds grow, and so do the rests, so transactions
   * committing close together share one produce request (one append and fsync per partition on the
   * broker) and one read-and-delete round trip. No rest after a full or an empty round. Events reach
   * Kafka at most this much later; the writers' answers are not delayed. 0: no rest. Default 100.
   */
  readonly lingerMs?: number;
  /** Inbox rows are kept this long: longer than the topics' retention, so a redelivery is still recognised. */
  readonly inboxRetentionMs?: number;
};

type BatchRow = { id: string; records: string; encoded_values: Buffer };

/** bigint ids arrive as decimal strings: shorter is smaller. */
const byId = (a: { id: string }, b: { id: string }): number =>
  a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
  private publishedRows = 0;

  private readonly batchSize: number;

  constructor(private readonly o: OutboxRelayOptions) {
    this.batchSize = o.batchSize ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Events this relay published (and deleted) since it was created; for benchmarks and tests. */
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
    while (this.running) {
      const roundStart = Date.now();
      this.wokenDuringRound = false;
      let published = 0;
      let nextRoundAt = 0; // the earliest the next round may start
      try {
        published = await retryTransient(() => this.publishOnce(), {
          isActive: () => this.running,
          onRetry: (error, attempt) => {
            this.o.metrics.retries.inc({ component: 'outbox-relay' });
            this.o.logger.warn({ err: String(error), attempt }, 'outbox relay: transient failure, retrying');
          },
        });
        const roundEnd = Date.now();
        nextRoundAt =
          roundEnd +
          nextRoundDelay({ published, batchSize: this.batchSize, roundMs: roundEnd - roundStart, lingerMs });
        await this.maybePurge();
      } catch (error) {
        if (!this.running) break;
        this.o.logger.error({ err: String(error) }, 'outbox relay: publish failed');
        await this.sleep(1_000);
      }
      if (published < this.batchSize) {
        await this.sleep(this.o.idleMs ?? 200);
        const restLeft = nextRoundAt - Date.now();
        if (this.running && restLeft > 0) await this.sleep(restLeft, { wakeable: false });
      }
    }
  }

  /**
   * One round: lock, take the oldest rows (up to batchSize events), publish them, delete them,
   * commit. Returns the events published.
   */
  async publishOnce(): Promise<number> {
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
      // In order, at most batchSize events and MAX_REQUEST_BYTES per produce request (a backlog of
      // large events for one key would otherwise exceed the broker's batch limit and block the
      // outbox for good); the rows go only if every send succeeded.
      for (const request of produceRequests(records, this.batchSize)) await this.o.producer.send(request);
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
   * Deletes (in the round's transaction) and returns the events of the oldest rows, in id order:
   * whole rows until they hold batchSize events (at least one row).
   */
  private async takeOldest(qr: QueryRunner): Promise<OutgoingRecord[]> {
    const result = await qr.query(
      `DELETE FROM messaging_outbox_batches WHERE id IN (
         SELECT id FROM (
           SELECT id, sum(record_count) OVER (ORDER BY id) - record_count AS earlier
           FROM messaging_outbox_batches ORDER BY id LIMIT $1) w
         WHERE earlier < $1)
       RETURNING id, records, encoded_values`,
      [this.batchSize],
      true,
    );
    const rows = (result.records as BatchRow[]).sort(byId); // RETURNING has no order
    const records: OutgoingRecord[] = [];
    for (const row of rows) {
      for (const r of JSON.parse(row.records) as OutboxRecord[]) {
        const headers = eventHeaders({
          eventId: r.eventId,
          eventType: r.eventType,
          occurredAt: r.occurredAt,
          producer: this.o.producerName,
        });
        records.push({
          topic: r.topic,
          key: r.key,
          value: r.tombstone ? null : row.encoded_values.subarray(r.offset, r.offset + r.length),
          // The trace context, when the writer had one, on top of the platform headers.
          headers: r.headers === undefined ? headers : { ...headers, ...r.headers },
        });
      }
    }
    return records;
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
      `SELECT COALESCE(sum(record_count), 0)::int AS n FROM messaging_outbox_batches`,
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
