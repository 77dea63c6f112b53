import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { createLogger } from '@smarketing/observability';
import type { DataSource } from 'typeorm';

export type IdempotencyRetentionOptions = {
  /** Keys older than this are forgotten: a call repeated later is accepted again. 0 keeps them forever. */
  readonly retentionDays: number;
  /** How often the purge runs (default hourly). */
  readonly intervalMs?: number;
  /** Rows deleted per statement, so a large backlog never holds long locks (default 10,000). */
  readonly chunk?: number;
};

/**
 * Forgets idempotency keys (`ingestion_idempotency`) older than the retention, so the table stops
 * growing with every event ever received. A repeat of a purged messageId is accepted again, and its
 * event keeps the same event-id (derived from source and messageId), so consumers' inboxes still
 * drop it while they remember that id. One replica purges at a time (an advisory lock); the
 * BRIN index on received_at finds old rows without scanning the table.
 */
export class IdempotencyRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = createLogger({ service: 'ingestion' }).child({
    component: 'idempotency-retention',
  });
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly o: IdempotencyRetentionOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.o.retentionDays <= 0) return;
    const tick = () => {
      this.running ??= this.purgeOnce()
        .then((n) => {
          if (n > 0)
            this.logger.info({ purged: n, retentionDays: this.o.retentionDays }, 'idempotency keys purged');
          return n;
        })
        .catch((error: unknown) => {
          this.logger.warn({ err: String(error) }, 'idempotency purge failed; next run retries');
          return 0;
        })
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.o.intervalMs ?? 3_600_000);
    this.timer.unref();
    tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes expired keys chunk by chunk; returns how many (0 when another replica holds the lock). */
  async purgeOnce(): Promise<number> {
    const chunk = this.o.chunk ?? 10_000;
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (em) => {
        const [lock] = (await em.query(
          `SELECT pg_try_advisory_xact_lock(hashtext('smarketing.ingestion.idempotency-retention')) AS locked`,
        )) as { locked: boolean }[];
        if (!lock?.locked) return 0;
        const deleted = (await em.query(
          `DELETE FROM ingestion_idempotency WHERE ctid = ANY(ARRAY(
             SELECT ctid FROM ingestion_idempotency
             WHERE received_at < now() - $1::int * interval '1 day' LIMIT $2))`,
          [this.o.retentionDays, chunk],
        )) as [unknown[], number];
        return deleted[1];
      });
      total += n;
      if (n < chunk) return total;
    }
  }
}
