import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { z } from 'zod';
import { InvalidInputError } from '../errors/http-errors';
import { fieldPathOf, validateInput } from '../validation/validate-input';
import { ADMIN_KEY, bearer, READ_KEY, startEdgeApp } from './fixtures/edge-app';

describe('validateInput', () => {
  const schema = z.object({ name: z.string().min(1, 'must not be empty'), tags: z.array(z.string()).max(1) });

  it('returns the parsed value, or throws the 400 naming each field', () => {
    expect(validateInput(schema, { name: 'a', tags: [] })).toEqual({ name: 'a', tags: [] });
    let error: unknown;
    try {
      validateInput(schema, { name: '', tags: ['a', 'b'] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).errors).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'tags', message: expect.stringContaining('1') },
    ]);
  });

  it('says "is required" for a missing field, and prefixes query and path parameters', () => {
    expect(() => validateInput(schema, {}, 'query')).toThrow('query.name is required');
    expect(fieldPathOf(['batch', 3, 'userId'])).toBe('batch[3].userId');
    expect(fieldPathOf(['properties', 'plan name'])).toBe('properties["plan name"]');
    expect(fieldPathOf([], 'params')).toBe('params');
    expect(fieldPathOf([])).toBe('(root)');
  });
});

describe('a route’s @Route schemas', () => {
  let app: NestFastifyApplication;
  const call = async (method: 'GET' | 'POST', url: string, key: string, payload?: unknown) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: bearer(key),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> };
  };

  beforeAll(async () => {
    ({ app } = await startEdgeApp());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('hands the handler the parsed input: defaults and coercions applied', async () => {
    expect(await call('GET', '/items', READ_KEY)).toMatchObject({ status: 200, body: { limit: 10 } });
    expect(await call('GET', '/items?limit=5', READ_KEY)).toMatchObject({ status: 200, body: { limit: 5 } });
  });

  it('answers one 400 naming every bad field of every part', async () => {
    expect(await call('GET', '/items/nope?limit=500', READ_KEY)).toEqual({
      status: 400,
      body: {
        error: 'invalid_input',
        message: 'the request has invalid fields',
        errors: [
          { path: 'params.id', message: 'must be a UUID' },
          { path: 'query.limit', message: expect.any(String) },
        ],
      },
    });
    expect(await call('POST', '/items', ADMIN_KEY, { name: '', tags: [], extra: 1 })).toMatchObject({
      status: 400,
      body: {
        errors: [
          { path: 'name', message: 'must not be empty' },
          { path: '(root)', message: expect.stringContaining('extra') },
        ],
      },
    });
  });

  it('checks the key before the input, so a stranger learns nothing of the rules', async () => {
    expect((await call('GET', '/items/nope', 'not-a-key')).status).toBe(401);
  });
});
