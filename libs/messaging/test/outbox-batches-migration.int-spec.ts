import { createDataSource, MESSAGING_MIGRATIONS, migrate } from '@smarketing/persistence';
import { createTestDatabase, ensureStack, type TestDatabase } from '@smarketing/testing';
import type { DataSource } from 'typeorm';
import type { OutboxRecord } from '../src';

describe('the outbox-batches migration, reverted', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    await ensureStack();
    db = await createTestDatabase('smarketing_test_outbox_down');
    ds = createDataSource({
      url: db.url,
      applicationName: 'outbox-down-test',
      migrations: MESSAGING_MIGRATIONS,
    });
    await migrate(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('gives unpublished batch rows back as one row per event, in order, for the previous relay', async () => {
    const records: OutboxRecord[] = [
      {
        topic: 't1',
        key: 'k1',
        eventId: '5b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e',
        eventType: 'x',
        occurredAt: 1_700_000_000_123,
        offset: 0,
        length: 2,
      },
      {
        topic: 't2',
        key: 'k2',
        eventId: '6b2c0d4e-1f0a-4c57-9d3c-7f1c2b3a4d5e',
        eventType: 'y',
        occurredAt: 1_700_000_000_456,
        offset: 2,
        length: 3,
        headers: { traceparent: 'tp' },
      },
    ];
    await ds.query(
      `INSERT INTO messaging_outbox_batches (record_count, topics, records, encoded_values) VALUES (2, $1, $2, $3)`,
      [['t1', 't2'], JSON.stringify(records), Buffer.from([1, 2, 3, 4, 5])],
    );
    await ds.undoLastMigration();

    const rows = (await ds.query(
      `SELECT topic, message_key, event_id, event_type, headers, value, occurred_at FROM messaging_outbox ORDER BY id`,
    )) as Record<string, unknown>[];
    expect(rows).toEqual([
      {
        topic: 't1',
        message_key: 'k1',
        event_id: records[0]?.eventId,
        event_type: 'x',
        headers: {},
        value: Buffer.from([1, 2]),
        occurred_at: new Date(1_700_000_000_123),
      },
      {
        topic: 't2',
        message_key: 'k2',
        event_id: records[1]?.eventId,
        event_type: 'y',
        headers: { traceparent: 'tp' },
        value: Buffer.from([3, 4, 5]),
        occurred_at: new Date(1_700_000_000_456),
      },
    ]);
    const [table] = (await ds.query(`SELECT to_regclass('messaging_outbox_batches') AS t`)) as {
      t: string | null;
    }[];
    expect(table?.t).toBeNull();
  });
});
