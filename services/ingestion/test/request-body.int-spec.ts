import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { TOPICS } from '@smarketing/contracts';
import { Webhook } from 'standardwebhooks';
import { sourceEventId } from '../src/app/event-ids';
import { basic, startTestApp, type TestApp } from './support/ingestion-app';
import { eventsSinceSuiteStart } from './support/topic-events';

type ErrorBody = { error: string; message: string; errors?: { path: string; message: string }[] };

describe('request bodies: gzip, Content-Type and the 400 envelope', () => {
  const { eventsOn } = eventsSinceSuiteStart();
  let t: TestApp;
  const run = randomUUID().slice(0, 8);
  const track = (messageId: string) => ({
    type: 'track',
    messageId,
    anonymousId: `body-${run}`,
    event: 'Pricing Viewed',
  });
  const post = (url: string, payload: string | Buffer, headers: Record<string, string>, key?: string) =>
    t.inject({
      method: 'POST',
      url,
      headers: { authorization: basic(key ?? t.writeKey), ...headers },
      payload,
    });
  const errorOf = (body: string): ErrorBody => JSON.parse(body) as ErrorBody;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts a gzipped batch labelled form-urlencoded, as RudderStack’s Node SDK sends it', async () => {
    const batch = { batch: [track(`gz1-${run}`), track(`gz2-${run}`)], sentAt: new Date().toISOString() };
    const res = await post('/v1/batch', gzipSync(JSON.stringify(batch)), {
      'content-type': 'application/x-www-form-urlencoded',
      'content-encoding': 'gzip',
    });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ success: true, accepted: 2, duplicates: 0 });
    await t.drained();
    const events = await eventsOn(TOPICS.touchpointRecorded, {
      eventIds: [`gz1-${run}`, `gz2-${run}`].map((id) => sourceEventId('dev', id)),
    });
    expect(events.map((e) => e.value.eventName)).toEqual(['Pricing Viewed', 'Pricing Viewed']);
  });

  it('parses a Segment body as JSON whatever its Content-Type, and only there', async () => {
    const body = JSON.stringify(track(`ct1-${run}`));
    expect((await post('/v1/track', body, { 'content-type': 'text/plain' })).statusCode).toBe(200);
    const unlabelled = await post('/v1/track', JSON.stringify(track(`ct2-${run}`)), {});
    expect(unlabelled.statusCode).toBe(200);
    // CRM and admin routes are JSON APIs of our own: a body labelled otherwise is refused, naming the label.
    const crm = await t.inject({
      method: 'POST',
      url: '/v1/crm/sales-activities',
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(crm.statusCode).toBe(415);
    expect(errorOf(crm.body).message).toContain('"text/plain"');
    const crmJson = await t.api('POST', '/v1/crm/sales-activities', {});
    expect(crmJson.statusCode).toBe(400);
  });

  it('answers 413 for a zip bomb: the limit applies to the decompressed body', async () => {
    const bomb = gzipSync(
      JSON.stringify({ ...track(`bomb-${run}`), properties: { blob: 'x'.repeat(5_000_000) } }),
    );
    expect(bomb.length).toBeLessThan(20_000);
    const res = await post('/v1/track', bomb, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res.body)).toEqual({
      error: 'payload_too_large',
      message: 'the body is larger than 512000 bytes once decompressed',
    });
    // Under the limit once decompressed, the same shape is accepted.
    const fits = gzipSync(
      JSON.stringify({ ...track(`fits-${run}`), properties: { blob: 'x'.repeat(400_000) } }),
    );
    expect(
      (await post('/v1/track', fits, { 'content-type': 'application/json', 'content-encoding': 'gzip' }))
        .statusCode,
    ).toBe(200);
  });

  it('answers 400 with the errors envelope for a corrupt gzip stream, and 415 naming an encoding it cannot undo', async () => {
    const json = JSON.stringify(track(`corrupt-${run}`));
    const corrupt = await post('/v1/track', Buffer.from(json), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(corrupt.statusCode).toBe(400);
    expect(errorOf(corrupt.body)).toEqual({
      error: 'invalid_input',
      message: 'the body is not valid gzip, as its Content-Encoding says',
      errors: [{ path: '(root)', message: 'is not valid gzip (incorrect header check)' }],
    });
    const gzipped = gzipSync(json);
    const truncated = await post('/v1/track', gzipped.subarray(0, gzipped.length - 10), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(truncated.statusCode).toBe(400);
    expect(errorOf(truncated.body).errors?.[0]?.path).toBe('(root)');
    const brotli = await post('/v1/track', json, {
      'content-type': 'application/json',
      'content-encoding': 'br',
    });
    expect(brotli.statusCode).toBe(415);
    expect(errorOf(brotli.body).message).toBe(
      'Content-Encoding "br" is not supported: send the body uncompressed or gzip-compressed',
    );
  });

  it('answers truncated, invalid or empty JSON with the envelope of every other 400', async () => {
    const cases: [string, string][] = [
      ['{"type":"track","messageId":"m","anonymousId":"a","event":', 'is not valid JSON'],
      ['{oops}', 'is not valid JSON'],
      ['{"type":"track","event":"e","anonymousId":"a","__proto__":{"admin":true}}', '__proto__'],
      ['', 'is empty'],
    ];
    for (const [payload, problem] of cases) {
      for (const url of ['/v1/track', '/v1/batch']) {
        const res = await post(url, payload, { 'content-type': 'application/json' });
        expect(res.statusCode).toBe(400);
        const body = errorOf(res.body);
        expect(body.error).toBe('invalid_input');
        expect(body.errors).toEqual([{ path: '(root)', message: expect.stringContaining(problem) }]);
      }
    }
    // The same envelope as a body that parses but does not validate.
    const invalid = errorOf((await t.segment('/v1/track', { anonymousId: 'a', event: '' })).body);
    expect(Object.keys(invalid).sort()).toEqual(['error', 'errors', 'message']);
    expect(invalid.error).toBe('invalid_input');
  });

  it('verifies a signed source’s signature over the decompressed body', async () => {
    const created = await t.api('POST', '/v1/admin/keys', {
      kind: 'write',
      name: `gz-signed-${run}`,
      signed: true,
    });
    const { token, signingSecret } = JSON.parse(created.body) as { token: string; signingSecret: string };
    const json = JSON.stringify(track(`signed-${run}`));
    const at = new Date();
    const headers = {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'webhook-id': `msg_${run}`,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(signingSecret).sign(`msg_${run}`, at, json),
    };
    expect((await post('/v1/track', gzipSync(json), headers, token)).statusCode).toBe(200);
    const tampered = gzipSync(json.replace('Pricing Viewed', 'Pricing Viewed!'));
    expect((await post('/v1/track', tampered, headers, token)).statusCode).toBe(401);
  });
});
