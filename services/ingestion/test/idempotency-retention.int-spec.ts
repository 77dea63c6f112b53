import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sourceEventId } from '../src/app/event-ids';
import { IdempotencyRetention } from '../src/infra/persistence/idempotency-retention';
import { startTestApp, type TestApp } from './support/ingestion-app';

describe('idempotency key retention on the real stack', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const track = (messageId: string) =>
    t.segment('/v1/track', { messageId, anonymousId: `anon-${run}`, event: 'Pricing Viewed' });
  const sent = [`old-${run}`, `new-${run}`];
  /** The messageIds of `sent` still remembered (a key is stored as the event id it issued). */
  const keys = async () => {
    const ids = new Map(sent.map((messageId) => [sourceEventId('dev', messageId), messageId]));
    const rows = await t.db.query<{ event_id: string }>(
      `SELECT event_id FROM ingestion_idempotency WHERE event_id = ANY($1::uuid[])`,
      [[...ids.keys()]],
    );
    return rows.map((r) => ids.get(r.event_id)).sort();
  };

  beforeAll(async () => {
    t = await startTestApp({ IDEMPOTENCY_RETENTION_DAYS: '30' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('forgets keys older than the retention, keeps younger ones, and a forgotten messageId is accepted again', async () => {
    expect(JSON.parse((await track(`old-${run}`)).body)).toMatchObject({ accepted: 1 });
    expect(JSON.parse((await track(`new-${run}`)).body)).toMatchObject({ accepted: 1 });
    await t.db.query(
      `UPDATE ingestion_idempotency SET received_at = now() - interval '31 days' WHERE event_id = $1`,
      [sourceEventId('dev', `old-${run}`)],
    );

    expect(await t.app.get(IdempotencyRetention).purgeOnce()).toBeGreaterThanOrEqual(1);
    expect(await keys()).toEqual([`new-${run}`]);

    expect(JSON.parse((await track(`new-${run}`)).body)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(JSON.parse((await track(`old-${run}`)).body)).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await keys()).toEqual([`new-${run}`, `old-${run}`]);
  });

  it('purges in chunks until nothing expired is left', async () => {
    await t.db.query(
      `INSERT INTO ingestion_idempotency (event_id, received_at)
       SELECT gen_random_uuid(), now() - interval '40 days' FROM generate_series(1, 25)`,
    );
    const retention = new IdempotencyRetention(t.app.get(DataSource), {
      retentionDays: 30,
      chunk: 10,
    });
    expect(await retention.purgeOnce()).toBe(25);
    expect(await keys()).toEqual([`new-${run}`, `old-${run}`]);
  });
});
