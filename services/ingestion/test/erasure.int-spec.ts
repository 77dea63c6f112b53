import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { apiKeyIdOf } from '@smarketing/http';
import { anonymousLeadId, deriveLeadId, normalizeEmail } from '../src/domain';
import { startTestApp, type TestApp } from './support/ingestion-app';
import { eventsSinceSuiteStart } from './support/topic-events';

const leadIdOf = (email: string): string => {
  const n = normalizeEmail(email);
  if (!n.ok) throw new Error(email);
  return deriveLeadId(n.email);
};

describe('erasure on the real stack', () => {
  const { eventsOn, profilesOn } = eventsSinceSuiteStart();
  let t: TestApp;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('erases by email: PII nulled (also of the merged placeholder), a PII-free audit row, lead-erased emitted', async () => {
    const email = `erase-me-${run}@corp-${run}.example.com`;
    const anon = `anon-erase-${run}`;
    expect(
      (await t.segment('/v1/page', { messageId: `e1-${run}`, anonymousId: anon, name: 'Home' })).statusCode,
    ).toBe(200);
    expect(
      (
        await t.segment('/v1/identify', {
          messageId: `e2-${run}`,
          anonymousId: anon,
          traits: { email, firstName: 'Eve', lastName: 'Secret', title: 'CTO' },
        })
      ).statusCode,
    ).toBe(200);
    const leadId = leadIdOf(email);

    const forbidden = await t.api(
      'DELETE',
      `/v1/leads?email=${encodeURIComponent(email)}`,
      undefined,
      t.writeKey,
    );
    expect(forbidden.statusCode).toBe(403); // a write key has the ingest scope only
    const res = await t.api('DELETE', `/v1/leads?email=${encodeURIComponent(email.toUpperCase())}`);
    expect(res.statusCode).toBe(202);
    const receipt = JSON.parse(res.body) as { erasureId: string; leadId: string; rowsErased: number };
    expect(receipt).toMatchObject({ leadId, rowsErased: 2 });

    const rows = await t.db.query<Record<string, unknown>>(
      `SELECT lead_id, email, first_name, last_name, title, anonymous_ids, erased_at FROM ingestion_leads WHERE lead_id = ANY($1::uuid[])`,
      [[leadId, anonymousLeadId(anon)]],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({
        email: null,
        first_name: null,
        last_name: null,
        title: null,
        anonymous_ids: [],
        erased_at: expect.any(Date),
      });
    expect(await t.db.query(`SELECT * FROM ingestion_identities WHERE lead_id = $1`, [leadId])).toEqual([]);
    const [audit] = await t.db.query<Record<string, unknown>>(
      `SELECT * FROM ingestion_erasures WHERE erasure_id = $1`,
      [receipt.erasureId],
    );
    expect(audit).toMatchObject({ lead_id: leadId, requested_by: apiKeyIdOf(t.adminKey), rows_erased: 2 });
    expect(JSON.stringify(audit)).not.toContain('erase-me');

    await t.drained();
    const [erased] = await eventsOn(TOPICS.leadErased, { eventIds: [receipt.erasureId] });
    expect(erased?.key).toBe(leadId);
    expect(erased?.value).toMatchObject({
      leadId,
      erasureId: receipt.erasureId,
      requestedBy: apiKeyIdOf(t.adminKey),
    });
    // The profile topic got the person's profile, then a tombstone for the lead and the placeholder.
    const profiles = await profilesOn([leadId, anonymousLeadId(anon)]);
    expect(profiles.filter((p) => p.key === leadId).map((p) => p.value?.email ?? null)).toEqual([
      email,
      null,
    ]);
    // Last word per key (what compaction keeps): a tombstone for the lead and for the placeholder.
    const last = new Map(profiles.map((p) => [p.key, p.value]));
    expect([...last.entries()].sort()).toEqual(
      [leadId, anonymousLeadId(anon)].sort().map((id) => [id, null]),
    );
  });

  it('erases by leadId, and rejects a bad leadId or email with 400', async () => {
    const leadId = randomUUID();
    const res = await t.api('DELETE', `/v1/leads/${leadId}`);
    expect(res.statusCode).toBe(202);
    expect(JSON.parse(res.body)).toMatchObject({ leadId, rowsErased: 0 });
    expect((await t.api('DELETE', '/v1/leads/not-a-uuid')).statusCode).toBe(400);
    expect((await t.api('DELETE', '/v1/leads?email=nope')).statusCode).toBe(400);
    expect((await t.api('DELETE', '/v1/leads')).statusCode).toBe(400);
  });
});
