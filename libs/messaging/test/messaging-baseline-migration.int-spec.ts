import { createDataSource, MESSAGING_MIGRATIONS, migrate } from '@smarketing/persistence';
import { createTestDatabase, ensureStack, type TestDatabase } from '@smarketing/testing';
import type { DataSource } from 'typeorm';

describe('the shared messaging migrations (baseline)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    await ensureStack();
    db = await createTestDatabase('smarketing_test_messaging_baseline');
    ds = createDataSource({
      url: db.url,
      applicationName: 'baseline-test',
      migrations: MESSAGING_MIGRATIONS,
    });
    await migrate(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Tables, indexes and sequences, but TypeORM's own. */
  const relations = async () =>
    (
      await db.query<{ name: string; kind: string }>(
        `SELECT tablename AS name, 'table' AS kind FROM pg_tables
         WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'
         UNION ALL
         SELECT indexname, 'index on ' || tablename FROM pg_indexes
         WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'
         UNION ALL
         SELECT sequencename, 'sequence' FROM pg_sequences
         WHERE schemaname = 'public' AND sequencename <> 'typeorm_migrations_id_seq'
         ORDER BY name`,
      )
    ).map((r) => `${r.name} (${r.kind})`);

  it('creates the inbox and the batch outbox with their indexes and sequence, and nothing else', async () => {
    expect(await relations()).toEqual([
      'messaging_inbox (table)',
      'messaging_inbox_pkey (index on messaging_inbox)',
      'messaging_inbox_received_at (index on messaging_inbox)',
      'messaging_outbox_batches (table)',
      'messaging_outbox_batches_id_seq (sequence)',
      'messaging_outbox_batches_pkey (index on messaging_outbox_batches)',
    ]);
    const [brin] = await db.query<{ am: string }>(
      `SELECT a.amname AS am FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.relname = 'messaging_inbox_received_at'`,
    );
    expect(brin?.am).toBe('brin');
    const storage = await db.query<{ attname: string; attstorage: string }>(
      `SELECT attname, attstorage FROM pg_attribute
       WHERE attrelid = 'messaging_outbox_batches'::regclass AND attname IN ('records', 'encoded_values') ORDER BY attname`,
    );
    expect(storage).toEqual([
      { attname: 'encoded_values', attstorage: 'e' },
      { attname: 'records', attstorage: 'e' },
    ]);
  });

  it('numbers batch rows from their own identity, in insert order, and refuses ids given by the writer', async () => {
    const insert = `INSERT INTO messaging_outbox_batches (record_count, topics, records, encoded_values)
                    VALUES (1, '{t}', '[]', '\\x00') RETURNING id`;
    const [first] = await db.query<{ id: string }>(insert);
    const [second] = await db.query<{ id: string }>(insert);
    expect(BigInt(second!.id)).toBeGreaterThan(BigInt(first!.id));
    await expect(
      db.query(
        `INSERT INTO messaging_outbox_batches (id, record_count, topics, records, encoded_values)
         VALUES (1, 1, '{t}', '[]', '\\x00')`,
      ),
    ).rejects.toThrow(/non-DEFAULT value into column "id"/);
    await expect(
      db.query(
        `INSERT INTO messaging_outbox_batches (record_count, topics, records, encoded_values) VALUES (0, '{}', '[]', '')`,
      ),
    ).rejects.toThrow(/check constraint/);
    await db.query(`DELETE FROM messaging_outbox_batches`);
  });

  it('reverts to an empty schema, and migrates up again', async () => {
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await relations()).toEqual([]);
    expect(await migrate(ds)).toEqual(['MessagingBaseline1763800000000']);
    expect(await relations()).toHaveLength(6);
  });
});
