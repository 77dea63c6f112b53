import type { DataSource } from 'typeorm';
import type { PreparedSql, TxContext } from '../consumer/event-handler';
import type { AvroSerde } from '../serde/avro-serde';
import { OutboxWriter } from './outbox-writer';

/** The part of node-pg's client used for prepared statements. */
type PgClient = {
  query(config: { name: string; text: string; values?: unknown[] }): Promise<{ rows: unknown[] }>;
};

export type TransactionResult<R> = {
  readonly result: R;
  /**
   * Event ids written to the outbox by this transaction, in publish order. The outbox does not
   * deduplicate: an event id published twice goes out twice, and consumers' inboxes drop the repeat.
   */
  readonly eventIds: readonly string[];
};

/**
 * Runs a state change and its outgoing events in one transaction, for writers that are not
 * consumers (HTTP endpoints, timers). When it resolves, the events are durable in the outbox.
 */
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly serde: AvroSerde,
    private readonly onOutboxWritten?: () => void,
  ) {}

  async run<R>(fn: (tx: TxContext) => Promise<R>): Promise<TransactionResult<R>> {
    const qr = this.dataSource.createQueryRunner();
    // TypeORM has no prepared statements: those go to its pg client directly (same transaction).
    const client = (await qr.connect()) as PgClient;
    const outbox = new OutboxWriter(this.serde);
    const tx: TxContext = {
      query: async <R>(sql: string | PreparedSql, params?: unknown[]) =>
        typeof sql === 'string'
          ? ((await qr.query(sql, params, true)).records as R[])
          : ((await client.query({ name: sql.name, text: sql.text, values: params })).rows as R[]),
      publish: (topic, value, options) => outbox.add(topic, value, options),
      tombstone: (topic, key, options) => outbox.addTombstone(topic, key, options),
    };
    try {
      await qr.startTransaction();
      const result = await fn(tx);
      const eventIds = await outbox.flush(tx);
      await qr.commitTransaction();
      if (eventIds.length) this.onOutboxWritten?.();
      return { result, eventIds };
    } catch (error) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await qr.release();
    }
  }
}
