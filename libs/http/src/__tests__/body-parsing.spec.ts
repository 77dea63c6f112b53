import { gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import { ADMIN_KEY, bearer, startEdgeApp } from './fixtures/edge-app';

describe('request bodies on the edge', () => {
  let app: NestFastifyApplication;
  const post = async (url: string, payload: string | Buffer, headers: Record<string, string>) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url,
        payload,
        headers: { ...bearer(ADMIN_KEY), ...headers },
      } as InjectOptions);
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  };
  const item = JSON.stringify({ name: 'x', tags: [] });

  beforeAll(async () => {
    ({ app } = await startEdgeApp());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('parses application/json, gzip-compressed or not', async () => {
    expect(await post('/items', item, { 'content-type': 'application/json' })).toEqual({
      status: 201,
      body: { name: 'x', tags: [] },
    });
    expect(
      await post('/items', gzipSync(item), {
        'content-type': 'application/json; charset=utf-8',
        'content-encoding': 'gzip',
      }),
    ).toMatchObject({ status: 201, body: { name: 'x' } });
  });

  it('answers 415 for another Content-Type, except on a route marked JSON whatever the Content-Type', async () => {
    expect(await post('/items', item, { 'content-type': 'text/plain' })).toMatchObject({
      status: 415,
      body: {
        error: 'unsupported_media_type',
        message: 'Content-Type "text/plain" is not supported: send application/json',
      },
    });
    expect(
      await post('/items/any-type', gzipSync(item), {
        'content-type': 'application/x-www-form-urlencoded',
        'content-encoding': 'gzip',
      }),
    ).toMatchObject({ status: 201, body: { received: { name: 'x' } } });
    expect(
      await post('/items', item, { 'content-type': 'application/json', 'content-encoding': 'br' }),
    ).toMatchObject({
      status: 415,
    });
  });

  it('answers 400 naming the body for JSON it cannot accept', async () => {
    expect(await post('/items', '{"name":', { 'content-type': 'application/json' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_input', message: 'the body is not valid JSON', errors: [{ path: '(root)' }] },
    });
    expect(
      await post('/items', '{"name":"x","tags":[],"__proto__":{"admin":true}}', {
        'content-type': 'application/json',
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: [{ path: '(root)', message: expect.stringContaining('__proto__') }] },
    });
    expect(
      await post('/items', gzipSync(item).subarray(0, 10), {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      }),
    ).toMatchObject({
      status: 400,
      body: { errors: [{ path: '(root)', message: expect.stringContaining('is not valid gzip') }] },
    });
  });

  it('answers 413 once the decoded body passes the limit, however small the compressed one', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(100 * 1024), tags: [] });
    expect(gzipSync(big).length).toBeLessThan(64 * 1024);
    expect(
      await post('/items', gzipSync(big), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    ).toMatchObject({
      status: 413,
      body: { error: 'payload_too_large' },
    });
    expect(await post('/items', big, { 'content-type': 'application/json' })).toMatchObject({ status: 413 });
  });
});
