import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import {
  anonymousLeadId,
  deriveAccountId,
  deriveLeadId,
  normalizeDomain,
  normalizeEmail,
} from '../src/domain';
import { segmentCallKey, sourceEventId } from '../src/app/event-ids';
import { parseTrackCall } from '../src/app/validation';
import { startTestApp, type TestApp } from './support/ingestion-app';
import { eventsSinceSuiteStart } from './support/topic-events';

const leadIdOf = (email: string): string => {
  const n = normalizeEmail(email);
  if (!n.ok) throw new Error(email);
  return deriveLeadId(n.email);
};
const accountIdOf = (domain: string): string =>
  deriveAccountId(normalizeDomain(domain) as NonNullable<ReturnType<typeof normalizeDomain>>);
const eventIdOf = (messageId: string): string => sourceEventId('dev', messageId);

describe('Segment endpoints on the real stack', () => {
  const { eventsOn, profilesOn } = eventsSinceSuiteStart();
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const email = `  Ada.Lovelace+${run}@Analytical-Engines.example.COM `;
  const anonymousId = `anon-${run}`;
  const ids = {
    page: `page-${run}`,
    pricing: `pricing-${run}`,
    identify: `identify-${run}`,
    track: `track-${run}`,
    group: `group-${run}`,
    free: `free-${run}`,
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records anonymous page views as touchpoints of a placeholder lead', async () => {
    const page = await t.segment('/v1/page', {
      messageId: ids.page,
      anonymousId,
      name: 'Home',
      properties: {
        url: `https://www.example.com/?utm_source=google&utm_medium=cpc&utm_campaign=Spring Launch&email=x@y.com`,
        custom: 1,
      },
      timestamp: '2025-03-01T10:00:00Z',
    });
    expect(page.statusCode).toBe(200);
    expect(JSON.parse(page.body)).toMatchObject({ success: true, accepted: 1, duplicates: 0 });
    const pricing = await t.segment('/v1/page', {
      messageId: ids.pricing,
      anonymousId,
      properties: { path: '/en/pricing' },
      originalTimestamp: '2025-03-01T10:05:00Z',
    });
    expect(pricing.statusCode).toBe(200);
  });

  it('identify with anonymousId and email upserts the lead with normalized fields and merges the placeholder', async () => {
    const res = await t.segment('/v1/identify', {
      messageId: ids.identify,
      anonymousId,
      userId: `user-${run}`,
      traits: {
        email,
        firstName: 'Ada',
        lastName: 'Lovelace',
        title: 'VP of Engineering',
        company: 'Analytical Engines',
        employees: '51-200',
        industry: 'Computer Software',
        country: 'United Kingdom',
        plan: 'pro',
      },
      timestamp: '2025-03-01T11:00:00Z',
    });
    expect(res.statusCode).toBe(200);
  });

  it('tracks a demo request on the identified lead, carrying its account', async () => {
    const res = await t.segment('/v1/track', {
      messageId: ids.track,
      userId: `user-${run}`,
      event: 'Demo Requested',
      properties: { form: 'hero' },
      timestamp: '2025-03-01T11:05:00Z',
    });
    expect(res.statusCode).toBe(200);
  });

  it('publishes the mapped events on the real topics', async () => {
    await t.drained();
    const leadId = leadIdOf(email);
    const placeholder = anonymousLeadId(anonymousId);
    const [upserted] = await eventsOn(TOPICS.leadUpserted, { eventIds: [eventIdOf(ids.identify)] });
    expect(upserted?.key).toBe(leadId);
    expect(upserted?.value).toMatchObject({
      leadId,
      emailDomain: 'analytical-engines.example.com',
      seniority: 'c_level_vp',
      employeeCount: 51,
      industry: 'software',
      country: 'GB',
      region: 'EMEA',
      isFreeMail: false,
      accountId: accountIdOf('analytical-engines.example.com'),
      accountDomain: 'analytical-engines.example.com',
      accountMatchReason: 'corporate email domain analytical-engines.example.com',
      source: 'dev',
      occurredAt: Date.parse('2025-03-01T11:00:00Z'),
    });
    expect(upserted?.value.anonymousIds).toContain(anonymousId);
    expect(JSON.parse(upserted?.value.extraTraits ?? '{}')).toEqual({ plan: 'pro' });
    // The personal data is on the profile topic only, and the merged placeholder's profile is gone.
    expect(JSON.stringify(upserted?.value)).not.toMatch(/ada\.lovelace|Ada|Lovelace|VP of Engineering/);
    const profiles = await profilesOn([leadId, placeholder]);
    expect(profiles.filter((p) => p.key === leadId).at(-1)?.value).toMatchObject({
      leadId,
      email: `ada.lovelace+${run}@analytical-engines.example.com`,
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'VP of Engineering',
    });
    expect(profiles.filter((p) => p.key === placeholder).map((p) => p.value)).toEqual([null]);

    const merged = await eventsOn(TOPICS.leadsMerged, { keys: [leadId] });
    expect(merged).toHaveLength(1);
    expect(merged[0]?.value).toMatchObject({ leadId, mergedLeadIds: [placeholder] });
    expect(merged[0]?.value.anonymousIds).toContain(anonymousId);

    const touchpoints = await eventsOn(TOPICS.touchpointRecorded, {
      eventIds: [ids.page, ids.pricing, ids.track].map(eventIdOf),
    });
    const byId = new Map(touchpoints.map((e) => [e.eventId, e.value]));
    expect(byId.get(eventIdOf(ids.page))).toMatchObject({
      leadId: placeholder,
      anonymousId,
      type: 'page_view',
      channel: 'paid_search',
      utmSource: 'google',
      utmCampaign: 'Spring Launch',
      campaignId: 'spring-launch',
      url: 'https://www.example.com/?utm_source=google&utm_medium=cpc&utm_campaign=Spring+Launch',
      extraProperties: '{"custom":1}',
      occurredAt: Date.parse('2025-03-01T10:00:00Z'),
    });
    expect(byId.get(eventIdOf(ids.pricing))).toMatchObject({
      type: 'pricing_page_view',
      path: '/en/pricing',
      occurredAt: Date.parse('2025-03-01T10:05:00Z'),
    });
    expect(byId.get(eventIdOf(ids.track))).toMatchObject({
      leadId,
      type: 'demo_request',
      eventName: 'Demo Requested',
      accountId: accountIdOf('analytical-engines.example.com'),
    });
  });

  it('applies Segment clock-skew correction when only originalTimestamp and sentAt are given', async () => {
    const messageId = `skew-${run}`;
    const before = Date.now();
    const res = await t.segment('/v1/track', {
      messageId,
      anonymousId,
      event: 'Webinar Registered',
      originalTimestamp: '2020-01-01T00:00:00Z',
      sentAt: '2020-01-01T00:01:00Z',
    });
    expect(res.statusCode).toBe(200);
    await t.drained();
    const [tp] = await eventsOn(TOPICS.touchpointRecorded, { eventIds: [eventIdOf(messageId)] });
    // received now, sent 60 s after it happened by the device clock: it happened 60 s before receipt.
    expect(tp?.value.occurredAt).toBeGreaterThanOrEqual(before - 60_000 - 1);
    expect(tp?.value.occurredAt).toBeLessThanOrEqual(Date.now() - 60_000 + 1);
    expect(tp?.value.type).toBe('webinar');
  });

  it('associates the lead with an account from a group call, with the reason, and a group wins over the email domain', async () => {
    const res = await t.segment('/v1/group', {
      messageId: ids.group,
      userId: `user-${run}`,
      groupId: `g-${run}`,
      traits: { name: 'Parent Co', website: `https://www.parent-${run}.example.org/about` },
    });
    expect(res.statusCode).toBe(200);
    await t.drained();
    const [ev] = await eventsOn(TOPICS.leadUpserted, { eventIds: [eventIdOf(ids.group)] });
    expect(ev?.value).toMatchObject({
      leadId: leadIdOf(email),
      accountId: accountIdOf(`parent-${run}.example.org`),
      accountDomain: `parent-${run}.example.org`,
      accountMatchReason: `group call g-${run} with website parent-${run}.example.org`,
    });
    const [account] = await t.db.query<{ name: string; group_ids: string[] }>(
      `SELECT name, group_ids FROM ingestion_accounts WHERE domain = $1`,
      [`parent-${run}.example.org`],
    );
    expect(account).toEqual({ name: 'Parent Co', group_ids: [`g-${run}`] });
  });

  it('never matches a free-mail domain, and says why', async () => {
    const res = await t.segment('/v1/identify', {
      messageId: ids.free,
      userId: `free-${run}@gmail.com`,
      traits: { title: 'Student' },
    });
    expect(res.statusCode).toBe(200);
    await t.drained();
    const [ev] = await eventsOn(TOPICS.leadUpserted, { eventIds: [eventIdOf(ids.free)] });
    expect(ev?.value).toMatchObject({
      emailDomain: 'gmail.com',
      accountId: null,
      isFreeMail: true,
      accountMatchReason: 'gmail.com is a free-mail domain',
    });
  });

  it('is idempotent on messageId: the same call twice gives one event, across single and batch routes', async () => {
    const messageId = `dup-${run}`;
    const call = {
      messageId,
      anonymousId,
      event: 'Whitepaper Downloaded',
      properties: { asset: 'guide.pdf' },
    };
    const first = await t.segment('/v1/track', call);
    const second = await t.segment('/v1/track', call);
    const third = await t.segment('/v1/batch', {
      batch: [
        { ...call, type: 'track' },
        { ...call, type: 'track' },
      ],
    });
    expect(JSON.parse(first.body)).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(JSON.parse(second.body)).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(JSON.parse(third.body)).toMatchObject({ accepted: 0, duplicates: 2 });
    await t.drained();
    const events = await eventsOn(TOPICS.touchpointRecorded, { eventIds: [eventIdOf(messageId)] });
    expect(events).toHaveLength(1);
    expect(events[0]?.value.type).toBe('content_download');
  });

  it('accepts a call without messageId, its key derived from its content, so a retry is still a duplicate', async () => {
    const call = {
      anonymousId,
      event: 'Case Study Downloaded',
      properties: { asset: `study-${run}.pdf`, pages: 12 },
      timestamp: '2025-03-02T09:00:00Z',
    };
    const first = await t.segment('/v1/track', { ...call, sentAt: '2025-03-02T09:00:01Z' });
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toMatchObject({ accepted: 1, duplicates: 0 });
    // A retry sent later by a hand-written client, its keys in another order, in a batch.
    const retry = await t.segment('/v1/batch', {
      sentAt: '2025-03-02T09:05:00Z',
      batch: [{ type: 'track', ...call, properties: { pages: 12, asset: `study-${run}.pdf` } }],
    });
    expect(JSON.parse(retry.body)).toMatchObject({ accepted: 0, duplicates: 1 });
    const later = await t.segment('/v1/track', { ...call, timestamp: '2025-03-02T10:00:00Z' });
    expect(JSON.parse(later.body)).toMatchObject({ accepted: 1, duplicates: 0 });
    await t.drained();
    const parsed = parseTrackCall(call);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const eventId = sourceEventId('dev', segmentCallKey(parsed.value));
    const events = await eventsOn(TOPICS.touchpointRecorded, { eventIds: [eventId] });
    expect(events).toHaveLength(1);
    expect(events[0]?.value).toMatchObject({
      touchpointId: eventId,
      type: 'content_download',
      occurredAt: Date.parse('2025-03-02T09:00:00Z'),
    });
  });

  it('commits concurrent requests together (group commit) without losing or repeating a call', async () => {
    // 30 requests at once over 10 messageIds (each sent 3 times), and identifies of 5 visitors.
    const messageIds = Array.from({ length: 10 }, (_, i) => `gc-${run}-${i}`);
    const tracks = messageIds.flatMap((messageId, i) =>
      [0, 1, 2].map(() => ({
        path: '/v1/track',
        body: { messageId, anonymousId: `gc-anon-${run}-${i % 5}`, event: 'Pricing Viewed' },
      })),
    );
    const identifies = [0, 1, 2, 3, 4].map((i) => ({
      path: '/v1/identify',
      body: {
        messageId: `gc-id-${run}-${i}`,
        anonymousId: `gc-anon-${run}-${i}`,
        traits: { email: `gc-${i}-${run}@group-commit.example.com` },
      },
    }));
    const responses = await Promise.all([...tracks, ...identifies].map((r) => t.segment(r.path, r.body)));
    expect(responses.map((r) => r.statusCode)).toEqual(responses.map(() => 200));
    const bodies = responses.map((r) => JSON.parse(r.body) as { accepted: number; duplicates: number });
    expect(bodies.slice(0, 30).reduce((n, b) => n + b.accepted, 0)).toBe(10);
    expect(bodies.slice(0, 30).reduce((n, b) => n + b.duplicates, 0)).toBe(20);
    expect(bodies.slice(30).every((b) => b.accepted === 1)).toBe(true);
    // Requests really shared transactions: the idempotency rows of one transaction share received_at.
    const [tx] = await t.db.query<{ transactions: number; rows: number }>(
      `SELECT count(DISTINCT received_at)::int AS transactions, count(*)::int AS rows
       FROM ingestion_idempotency WHERE event_id = ANY($1::uuid[])`,
      [[...messageIds, ...identifies.map((r) => r.body.messageId)].map(eventIdOf)],
    );
    expect(tx?.rows).toBe(15);
    expect(tx?.transactions).toBeLessThan(15);
    await t.drained();
    const events = await eventsOn(TOPICS.touchpointRecorded, { eventIds: messageIds.map(eventIdOf) });
    expect(events.map((e) => e.value.touchpointId).sort()).toEqual(messageIds.map(eventIdOf).sort());
    // Every visitor's lead is the one of its email, whichever transaction its track and identify took.
    const leads = await t.db.query<{ anonymous_ids: string[]; email: string }>(
      `SELECT anonymous_ids, email FROM ingestion_leads WHERE email LIKE $1 ORDER BY email`,
      [`gc-%-${run}@group-commit.example.com`],
    );
    expect(leads.map((l) => l.anonymous_ids)).toEqual([0, 1, 2, 3, 4].map((i) => [`gc-anon-${run}-${i}`]));
  });

  it('accepts a batch of mixed calls, inheriting the batch context, and keeps unknown events as "other"', async () => {
    const anon = `batch-anon-${run}`;
    const batch = [
      {
        type: 'page',
        messageId: `b1-${run}`,
        anonymousId: anon,
        properties: { url: 'https://example.com/blog/post' },
      },
      { type: 'track', messageId: `b2-${run}`, anonymousId: anon, event: 'Something Custom Happened' },
      {
        type: 'identify',
        messageId: `b3-${run}`,
        anonymousId: anon,
        traits: { email: `grace-${run}@navy-labs.example.net`, title: 'Engineering Manager' },
      },
      {
        type: 'track',
        messageId: `b4-${run}`,
        anonymousId: anon,
        event: 'Form Submitted',
        properties: { form_type: 'demo' },
      },
    ];
    const res = await t.segment('/v1/batch', {
      batch,
      context: { campaign: { source: 'newsletter', medium: 'email', name: 'May News' } },
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ accepted: 4 });
    await t.drained();
    const leadId = leadIdOf(`grace-${run}@navy-labs.example.net`);
    const tps = await eventsOn(TOPICS.touchpointRecorded, {
      eventIds: [`b1-${run}`, `b2-${run}`, `b4-${run}`].map(eventIdOf),
    });
    const byId = new Map(tps.map((e) => [e.eventId, e.value]));
    expect(byId.get(eventIdOf(`b1-${run}`))).toMatchObject({
      leadId: anonymousLeadId(anon),
      type: 'page_view',
      channel: 'email',
      campaignId: 'may-news',
    });
    expect(byId.get(eventIdOf(`b2-${run}`))).toMatchObject({
      type: 'other',
      eventName: 'Something Custom Happened',
    });
    expect(byId.get(eventIdOf(`b4-${run}`))).toMatchObject({
      leadId,
      type: 'demo_request',
      accountId: accountIdOf('navy-labs.example.net'),
    });
    const merged = await eventsOn(TOPICS.leadsMerged, { keys: [leadId] });
    expect(merged.map((m) => m.value.mergedLeadIds)).toEqual([[anonymousLeadId(anon)]]);
    const [row] = await t.db.query<{ merged_into: string }>(
      `SELECT merged_into FROM ingestion_leads WHERE lead_id = $1`,
      [anonymousLeadId(anon)],
    );
    expect(row?.merged_into).toBe(leadId);
  });

  it('rejects a bad call with 400 naming the field paths, and applies nothing of the batch', async () => {
    const res = await t.segment('/v1/batch', {
      batch: [
        { type: 'track', messageId: `ok-${run}`, anonymousId, event: 'Fine' },
        { type: 'track', messageId: `bad-${run}`, event: 42 },
        { type: 'identify', messageId: `bad2-${run}`, userId: 'u', traits: { email: 'not-an-email' } },
      ],
    });
    expect(res.statusCode).toBe(400);
    const paths = (JSON.parse(res.body) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['batch[1].event', 'batch[1].userId']));
    const again = await t.segment('/v1/identify', {
      messageId: `bad2-${run}`,
      userId: 'u',
      traits: { email: 'not-an-email' },
    });
    expect(again.statusCode).toBe(400);
    expect(JSON.parse(again.body).errors).toEqual([{ path: 'traits.email', message: expect.any(String) }]);
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ingestion_idempotency WHERE event_id = $1`,
      [eventIdOf(`ok-${run}`)],
    );
    expect(row?.n).toBe(0);
  });
});
