import { randomBytes } from 'node:crypto';
import { withDatabase } from '@smarketing/persistence';
import { Client } from 'pg';
import { stackEnv } from './env';
import { waitFor } from './wait-for';

export type TestDatabase = {
  readonly name: string;
  /** DATABASE_URL with the test database. */
  readonly url: string;
  /** Runs one statement on a short-lived connection to the test database. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Drops the database (terminating leftover connections). */
  drop(): Promise<void>;
};

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: stackEnv().databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` (e.g. smarketing_test_messaging_1a2b3c4d) on the stack's PostgreSQL. */
export async function createTestDatabase(prefix = 'smarketing_test'): Promise<TestDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`bad database prefix ${prefix}`);
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = withDatabase(stackEnv().databaseUrl, name);
  return {
    name,
    url,
    async query<R>(sql: string, params?: unknown[]): Promise<R[]> {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as R[];
      } finally {
        await client.end();
      }
    },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Waits until the relay has published (and so deleted) every outbox event of a database, or only
 * those of one topic.
 */
export async function waitForOutboxDrained(
  db: Pick<TestDatabase, 'query'>,
  options: { topic?: string; timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<void> {
  const { topic, timeoutMs = 60_000, intervalMs, description = 'outbox drained' } = options;
  await waitFor(
    async () => {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messaging_outbox_batches WHERE $1::text IS NULL OR $1 = ANY(topics)`,
        [topic ?? null],
      );
      return row?.n === 0;
    },
    { timeoutMs, intervalMs, description },
  );
}

/** An event waiting in the outbox. */
/** One event in an outbox row; `value` is null for a tombstone. */
export type OutboxEvent = { topic: string; key: string; eventId: string; value: Buffer | null };

/**
 * The events waiting in a database's outbox, oldest first (one row per transaction, see
 * libs/messaging's OutboxRecord).
 */
export async function outboxEvents(db: Pick<TestDatabase, 'query'>): Promise<OutboxEvent[]> {
  const rows = await db.query<{ topic: string; key: string; event_id: string; value: Buffer | null }>(
    `SELECT r.topic, r.key, r."eventId" AS event_id,
            CASE WHEN r.tombstone THEN NULL ELSE substring(b.encoded_values FROM r."offset" + 1 FOR r.length) END AS value
     FROM messaging_outbox_batches b,
          jsonb_to_recordset(b.records::jsonb)
            AS r(topic text, key text, "eventId" text, "offset" int, length int, tombstone boolean)
     ORDER BY b.id, r."offset"`,
  );
  return rows.map((r) => ({ topic: r.topic, key: r.key, eventId: r.event_id, value: r.value }));
}
