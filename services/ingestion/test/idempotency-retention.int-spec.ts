import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdempotencyRetention } from '../src/infra/persistence/idempotency-retention';
import { startTestApp, type TestApp } from './support/ingestion-app';

describe('idempotency key retention on the real stack', () => {
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const track = (messageId: string) =>
    t.segment('/v1/track', { messageId, anonymousId: `anon-${run}`, event: 'Pricing Viewed' });
  const keys = async () =>
    (
      await t.db.query<{ key: string }>(
        `SELECT key FROM ingestion_idempotency WHERE key LIKE $1 ORDER BY key`,
        [`%-${run}`],
      )
    ).map((r) => r.key);

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
      `UPDATE ingestion_idempotency SET received_at = now() - interval '31 days' WHERE key = $1`,
      [`old-${run}`],
    );

    expect(await t.app.get(IdempotencyRetention).purgeOnce()).toBeGreaterThanOrEqual(1);
    expect(await keys()).toEqual([`new-${run}`]);

    expect(JSON.parse((await track(`new-${run}`)).body)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(JSON.parse((await track(`old-${run}`)).body)).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(await keys()).toEqual([`new-${run}`, `old-${run}`]);
  });

  it('purges in chunks until nothing expired is left', async () => {
    await t.db.query(
      `INSERT INTO ingestion_idempotency (source, key, event_id, received_at)
       SELECT 'chunk-test', 'c' || i || '-${run}', gen_random_uuid(), now() - interval '40 days'
       FROM generate_series(1, 25) AS i`,
    );
    const retention = new IdempotencyRetention(t.app.get(DataSource), {
      retentionDays: 30,
      chunk: 10,
    });
    expect(await retention.purgeOnce()).toBe(25);
    expect(await keys()).toEqual([`new-${run}`, `old-${run}`]);
  });
});
