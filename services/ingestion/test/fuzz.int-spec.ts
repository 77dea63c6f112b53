import { randomUUID } from 'node:crypto';
import { topicByName, type TopicDef } from '@smarketing/contracts';
import { AvroSerde, MessagingRuntime } from '@smarketing/messaging';
import { outboxEvents, stackEnv } from '@smarketing/testing';
import fc from 'fast-check';
import { basic, startTestApp, type TestApp } from './support/ingestion-app';

const RUNS = 10_000;

type Case = {
  method: 'POST' | 'GET' | 'DELETE';
  url: string;
  auth: 'write' | 'admin' | 'bad' | 'none' | 'garbage';
  payload: string;
  contentType: string;
  expect: 'ok' | 'reject' | 'any';
};

const cleanKey = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
const props = fc.dictionary(
  cleanKey,
  fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 5 },
);
const id = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.length > 0);
const iso = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const who = fc.oneof(
  fc.record({ anonymousId: id }),
  fc.record({ userId: id }),
  fc.record({ userId: id, anonymousId: id }),
);

const validCall = fc.oneof(
  fc
    .tuple(
      who,
      fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
      props,
      fc.option(iso, { nil: undefined }),
    )
    .map(([w, event, properties, timestamp]) => ({
      type: 'track',
      messageId: randomUUID(),
      ...w,
      event,
      properties,
      timestamp,
    })),
  fc
    .tuple(who, props)
    .map(([w, properties]) => ({ type: 'page', messageId: randomUUID(), ...w, name: 'Pricing', properties })),
  fc.tuple(who, fc.emailAddress(), props).map(([w, email, traits]) => ({
    type: 'identify',
    messageId: randomUUID(),
    ...w,
    traits: { ...traits, email, title: 'Head of Growth' },
  })),
  fc.tuple(who, fc.domain()).map(([w, website]) => ({
    type: 'group',
    messageId: randomUUID(),
    ...w,
    groupId: 'g1',
    traits: { website },
  })),
);

const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: nest(depth - 1) });

/** Invalid on purpose: each must be rejected with a 4xx. */
const invalidBody = fc.oneof(
  fc.constant('{"type":"track","messageId":"m","anonymousId":"a","event":'),
  fc.string({ maxLength: 50 }).map((s) => `{${s}`),
  fc.constant('{"type":"track","messageId":"m","anonymousId":"a","event":"e","__proto__":{"polluted":true}}'),
  fc.constant(
    '{"type":"track","messageId":"m","anonymousId":"a","event":"e","properties":{"__proto__":{"x":1}}}',
  ),
  fc
    .record({
      type: fc.constant('track'),
      messageId: fc.oneof(
        fc.integer().map(() => ''),
        fc.constant(null),
        fc.array(fc.integer()),
      ),
      anonymousId: id,
      event: id,
    })
    .map((b) => JSON.stringify(b)),
  fc.record({ type: fc.constant('track'), messageId: id, event: id }).map((b) => JSON.stringify(b)), // no userId/anonymousId
  fc
    .record({
      type: fc.constant('track'),
      messageId: id,
      anonymousId: id,
      event: fc.oneof(
        fc.integer(),
        fc.boolean(),
        fc.constant(''),
        fc.string({ minLength: 201, maxLength: 300 }),
      ),
    })
    .map((b) => JSON.stringify(b)),
  fc
    .record({
      type: fc.constant('track'),
      messageId: id,
      anonymousId: id,
      event: id,
      timestamp: fc.string({ maxLength: 20 }),
    })
    .map((b) => JSON.stringify(b)),
  fc
    .integer({ min: 12, max: 200 })
    .map((d) =>
      JSON.stringify({ type: 'track', messageId: 'm', anonymousId: 'a', event: 'e', properties: nest(d) }),
    ),
  fc.constant(
    JSON.stringify({ type: 'identify', messageId: 'm', userId: 'u', traits: { email: 'not an email' } }),
  ),
  fc.constant(
    JSON.stringify({
      type: 'track',
      messageId: 'm',
      anonymousId: 'a',
      event: 'e',
      properties: { blob: 'x'.repeat(520_000) },
    }),
  ),
  fc.oneof(fc.constant('null'), fc.constant('[]'), fc.constant('"text"'), fc.constant('42'), fc.constant('')),
);

const segmentRoutes = ['/v1/track', '/v1/identify', '/v1/page', '/v1/group'];
const otherRoutes = [
  '/v1/crm/sales-activities',
  '/v1/crm/dispositions',
  '/v1/crm/opportunities',
  '/v1/crm/campaign-costs',
  '/v1/admin/keys',
];

const cases: fc.Arbitrary<Case> = fc.oneof(
  // valid Segment calls with a valid write key: accepted
  {
    weight: 4,
    arbitrary: validCall.map((call): Case => ({
      method: 'POST',
      url: `/v1/${call.type}`,
      auth: 'write',
      payload: JSON.stringify(call),
      contentType: 'application/json',
      expect: 'ok',
    })),
  },
  {
    weight: 1,
    arbitrary: fc.array(validCall, { minLength: 1, maxLength: 20 }).map((batch): Case => ({
      method: 'POST',
      url: '/v1/batch',
      auth: 'write',
      payload: JSON.stringify({ batch }),
      contentType: 'application/json',
      expect: 'ok',
    })),
  },
  // invalid bodies with a valid key: rejected
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...segmentRoutes, '/v1/batch'), invalidBody)
      .map(([url, payload]): Case => ({
        method: 'POST',
        url,
        auth: 'write',
        payload,
        contentType: 'application/json',
        expect: 'reject',
      })),
  },
  // any credential problem: rejected
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...segmentRoutes, ...otherRoutes),
        fc.constantFrom<Case['auth']>('bad', 'none', 'garbage'),
        validCall,
      )
      .map(([url, auth, call]): Case => ({
        method: 'POST',
        url,
        auth,
        payload: JSON.stringify(call),
        contentType: 'application/json',
        expect: 'reject',
      })),
  },
  // arbitrary JSON anywhere, with any key: never a 5xx
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...segmentRoutes, '/v1/batch', ...otherRoutes),
        fc.constantFrom<Case['auth']>('write', 'admin'),
        fc.jsonValue({ maxDepth: 4 }),
      )
      .map(([url, auth, v]): Case => ({
        method: 'POST',
        url,
        auth,
        payload: JSON.stringify(v) ?? 'null',
        contentType: 'application/json',
        expect: 'any',
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('/v1/track', '/v1/crm/opportunities'),
        fc.string({ maxLength: 100 }),
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-8',
          'application/xml',
        ),
      )
      .map(([url, payload, contentType]): Case => ({
        method: 'POST',
        url,
        auth: 'write',
        payload,
        contentType,
        expect: 'reject',
      })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).map((s): Case => ({
      method: 'DELETE',
      url: `/v1/leads?email=${encodeURIComponent(s)}`,
      auth: 'write',
      payload: '',
      contentType: 'application/json',
      expect: 'reject',
    })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 60 }).map((s): Case => ({
      method: 'GET',
      url: `/v1/${encodeURIComponent(s)}`,
      auth: 'admin',
      payload: '',
      contentType: 'application/json',
      expect: 'reject',
    })),
  },
);

describe('fuzz: 10,000 generated requests through the HTTP stack', () => {
  let t: TestApp;
  const serde = new AvroSerde(stackEnv().registryUrl);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '10000000' });
    // Keep every accepted event in the outbox (the relay deletes what it publishes) to check it below,
    // and count only what the fuzzed requests claim (the consumer of the shared intake topics claims
    // keys too).
    const runtime = t.app.get(MessagingRuntime);
    await runtime.relay.stop();
    await runtime.consumer.stop();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('never answers 5xx, never crashes, and accepts only valid events', async () => {
    const claimed = async () =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ingestion_idempotency`))[0]?.n ?? 0;
    const claimedBefore = await claimed();
    const stats = { requests: 0, ok: 0, rejected: 0, byStatus: new Map<number, number>(), acceptedCalls: 0 };
    const headerOf = (c: Case): Record<string, string> => {
      switch (c.auth) {
        case 'write':
          return { authorization: basic(t.writeKey) };
        case 'admin':
          return { authorization: `Bearer ${t.adminKey}` };
        case 'bad':
          return { authorization: basic(`smw_0123456789abcdef_${'B'.repeat(43)}`) };
        case 'garbage':
          return { authorization: 'Basic ' + '%'.repeat(10) };
        case 'none':
          return {};
      }
    };
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const res = await t.inject({
          method: c.method,
          url: c.url,
          headers: { ...headerOf(c), ...(c.payload === '' ? {} : { 'content-type': c.contentType }) },
          ...(c.payload === '' ? {} : { payload: c.payload }),
        });
        stats.requests += 1;
        stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode < 300) {
          stats.ok += 1;
          const body = JSON.parse(res.body) as { accepted?: number };
          if (c.url.startsWith('/v1/') && !c.url.startsWith('/v1/admin') && typeof body.accepted === 'number')
            stats.acceptedCalls += body.accepted;
        } else stats.rejected += 1;
        if (c.expect === 'ok') expect(res.statusCode).toBe(200);
        if (c.expect === 'reject') expect(res.statusCode).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS, seed: 42 },
    );
    // Still alive and ready.
    expect((await t.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    // Every accepted call left one idempotency row; every outbox row is a valid event of its topic.
    expect((await claimed()) - claimedBefore).toBe(stats.acceptedCalls);
    const rows = await outboxEvents(t.db);
    const invalid: string[] = [];
    for (const r of rows) {
      const topic = topicByName(r.topic) as TopicDef;
      // A tombstone (a merge retired a lead id) is valid on the compacted profile topic only.
      if (r.value === null) {
        if (topic.retention !== 'profile') invalid.push(`${r.topic}: a tombstone`);
        continue;
      }
      const paths = serde.invalidPaths(topic, await serde.decode(topic, r.value));
      if (paths.length) invalid.push(`${r.topic}: ${paths.join(', ')}`);
    }
    expect(invalid).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(stats.acceptedCalls);
    console.log(
      `fuzz: ${stats.requests} requests, ${stats.ok} 2xx, ${stats.rejected} 4xx, 0 5xx; ${stats.acceptedCalls} calls accepted, ${rows.length} events in the outbox, 0 invalid; statuses ${JSON.stringify(Object.fromEntries(stats.byStatus))}`,
    );
  }, 900_000);
});
