// A person's events through the platform, an erasure, then a search for their email and names in
// the raw bytes of every database row and every topic record the run produced: nothing may be left
// but what the erasure itself writes (a tombstone, an audit row without personal data).
import { randomUUID } from 'node:crypto';
import {
  ALL_INTAKE_TOPICS,
  ALL_TOPICS,
  leadIdForNormalizedEmail,
  TOPICS,
  type ServiceName,
} from '@smarketing/contracts';
import {
  type Platform,
  type ReadRecord,
  readTopic,
  startPlatform,
  topicPositions,
  waitFor,
  withAdmin,
} from '@smarketing/testing';
import { ConfigResourceTypes } from 'kafkajs';

/** Every service that reads or writes lead data (reporting joins once it exists). */
const SERVICES: readonly ServiceName[] = ['ingestion', 'scoring', 'routing', 'sla-monitor', 'attribution'];

const run = randomUUID().slice(0, 8);
const person = {
  email: `erin.erasable.${run}@zeta-${run}.example.com`,
  firstName: `Erin${run}`,
  lastName: `Erasable${run}`,
  title: `VP of Forgetting ${run}`,
  phone: `+49 30 ${run.replace(/\D/g, '7').padEnd(8, '7')}`,
};
const needles = Object.entries(person).map(([field, text]) => ({ field, bytes: Buffer.from(text, 'utf8') }));
// bytea columns render as hex in row text: search the hex of each needle as well.
const hexNeedles = needles.map((n) => ({ field: `${n.field} (hex)`, text: n.bytes.toString('hex') }));

const topicNames = [...ALL_TOPICS.map((t) => t.name), ...ALL_INTAKE_TOPICS.map((t) => t.name)];

/** Where a needle is found in a record's raw key, value and headers. */
function foundIn(records: readonly ReadRecord[]): string[] {
  const hits: string[] = [];
  for (const r of records) {
    const parts = [r.key ? Buffer.from(r.key) : null, r.value, Buffer.from(JSON.stringify(r.headers))];
    for (const n of needles)
      if (parts.some((p) => p !== null && p.includes(n.bytes)))
        hits.push(`${r.topic}/${r.partition}@${r.offset} ${n.field}`);
  }
  return hits;
}

/** Where a needle is found in any row of any table of the service databases (rows as text). */
async function foundInDatabases(platform: Platform): Promise<string[]> {
  const hits: string[] = [];
  for (const s of platform.services.values()) {
    const tables = await s.db.query<{ name: string }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const { name } of tables) {
      const rows = await s.db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
      for (const { row } of rows) {
        for (const n of needles)
          if (row.includes(n.bytes.toString('utf8'))) hits.push(`${s.name} ${name} ${n.field}`);
        for (const n of hexNeedles) if (row.includes(n.text)) hits.push(`${s.name} ${name} ${n.field}`);
      }
    }
  }
  return hits;
}

describe('an erased person cannot be found anywhere', () => {
  let platform: Platform;
  let since: Map<string, Map<number, number>>;
  let profileConfigs: { name: string; value: string }[] = [];

  beforeAll(async () => {
    since = await topicPositions(topicNames);
    platform = await startPlatform(SERVICES, 'e2e_erasure');
    // The test stack compacts the profile topic within minutes (RETENTION.local); this test tightens
    // the lag to a second while it runs and puts the provisioned settings back afterwards.
    profileConfigs = await withAdmin(async (admin) => {
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: TOPICS.leadProfile.name }],
      });
      const keep = ['segment.ms', 'max.compaction.lag.ms', 'min.cleanable.dirty.ratio', 'cleanup.policy'];
      return (resources[0]?.configEntries ?? [])
        .filter((e) => keep.includes(e.configName))
        .map((e) => ({ name: e.configName, value: e.configValue }));
    });
    await withAdmin((admin) =>
      admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: TOPICS.leadProfile.name,
            configEntries: [
              { name: 'cleanup.policy', value: 'compact' },
              { name: 'segment.ms', value: '1000' },
              { name: 'max.compaction.lag.ms', value: '1000' },
              { name: 'min.cleanable.dirty.ratio', value: '0.01' },
            ],
          },
        ],
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    if (profileConfigs.length)
      await withAdmin((admin) =>
        admin.alterConfigs({
          validateOnly: false,
          resources: [
            { type: ConfigResourceTypes.TOPIC, name: TOPICS.leadProfile.name, configEntries: profileConfigs },
          ],
        }),
      );
  });

  const segment = async (path: string, body: unknown): Promise<void> => {
    const res = await fetch(platform.url('ingestion', path), {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${platform.writeKey}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
  };
  const records = async (): Promise<ReadRecord[]> =>
    (await Promise.all(topicNames.map((t) => readTopic(t, { from: since.get(t) })))).flat();

  it('after the erasure no database row and no readable record holds their email, names, title or phone', async () => {
    const leadId = leadIdForNormalizedEmail(person.email);
    const anonymousId = randomUUID();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    await segment('/v1/page', {
      messageId: randomUUID(),
      anonymousId,
      name: 'Pricing',
      properties: { path: '/pricing', url: 'https://zeta.example/pricing' },
      timestamp: at(10),
    });
    await segment('/v1/identify', {
      messageId: randomUUID(),
      anonymousId,
      userId: person.email,
      traits: {
        ...person,
        company: 'Zeta',
        employees: 250,
        industry: 'Software',
        country: 'Germany',
        plan: 'pro',
      },
      timestamp: at(5),
    });
    await segment('/v1/track', {
      messageId: randomUUID(),
      userId: person.email,
      event: 'Demo Requested',
      properties: { contact: person.email },
      timestamp: at(1),
    });
    // Every service has the person: scoring scored them, routing assigned them.
    await waitFor(
      async () => {
        const res = await fetch(platform.url('scoring', `/v1/leads/${leadId}/score`), {
          headers: { authorization: `Bearer ${platform.adminKey}` },
        });
        return res.status === 200;
      },
      { timeoutMs: 90_000, description: `scoring has ${leadId}` },
    );
    const before = foundIn(await records());
    // The search can fail: before the erasure it finds the person on the profile topic only.
    expect(new Set(before.map((h) => h.split('/')[0]))).toEqual(new Set([TOPICS.leadProfile.name]));
    expect((await foundInDatabases(platform)).some((h) => h.startsWith('ingestion '))).toBe(true);

    const res = await fetch(
      platform.url('ingestion', `/v1/leads?email=${encodeURIComponent(person.email)}`),
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${platform.adminKey}` },
      },
    );
    expect(res.status).toBe(202);
    // Other people's profiles keep arriving: each write lets the broker roll the segment to compact.
    let left: string[] = before;
    await waitFor(
      async () => {
        for (let i = 0; i < 12; i++)
          await segment('/v1/identify', {
            messageId: randomUUID(),
            userId: `filler-${randomUUID()}@filler-${run}.example.com`,
            traits: { firstName: 'Filler' },
          });
        left = foundIn(await records());
        return left.length === 0;
      },
      {
        timeoutMs: 120_000,
        intervalMs: 1_000,
        description: `compaction of the profile topic (left: ${left.join(', ')})`,
      },
    );
    await waitFor(async () => (await foundInDatabases(platform)).length === 0, {
      timeoutMs: 60_000,
      description: 'every service applied the erasure',
    });
    expect(await foundInDatabases(platform)).toEqual([]);
    // The audit trail is there, and it names the lead only.
    const audit = await platform.services
      .get('ingestion')!
      .db.query<{ lead_id: string }>(`SELECT lead_id FROM ingestion_erasures WHERE lead_id = $1`, [leadId]);
    expect(audit).toHaveLength(1);
  }, 300_000);
});
