import { ConflictException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { DependencyUnavailableError, InvalidEventError, SchemaRegistryError } from '@smarketing/messaging';
import { DatabaseError } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { httpErrorOf } from '../errors/http-error.mapper';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RequestBodyError,
  UnauthenticatedError,
} from '../errors/http-errors';
import { unavailableDependency } from '../errors/unavailable-dependency';
import { bearer, memoryLogger, READ_KEY, startEdgeApp, type Lines } from './fixtures/edge-app';

const withStatus = (message: string, statusCode: number) => Object.assign(new Error(message), { statusCode });
/** What node-postgres throws for a server-side error: its SQLSTATE in `code`. */
const pgError = (code: string) => Object.assign(new DatabaseError('pg', 0, 'error'), { code });

describe('errors as responses: one envelope', () => {
  it.each<[string, number, string, unknown]>([
    [
      'invalid fields',
      400,
      'invalid_input',
      new InvalidInputError([{ path: 'name', message: 'must not be empty' }]),
    ],
    ['an unrepresentable event', 400, 'invalid_input', new InvalidEventError('t', ['traits.x'])],
    [
      'a framework 400',
      400,
      'invalid_input',
      withStatus('Request body size did not match Content-Length', 400),
    ],
    ['no credential', 401, 'unauthorized', new UnauthenticatedError()],
    ['a missing scope', 403, 'forbidden', new ForbiddenError('this key lacks the scope admin')],
    ['nothing there', 404, 'not_found', new NotFoundError('no model x')],
    ['Nest’s not found', 404, 'not_found', new NotFoundException('Cannot GET /x')],
    ['a conflict', 409, 'conflict', new ConflictError('version 1 exists')],
    ['Nest’s conflict', 409, 'conflict', new ConflictException({ error: 'conflict', message: 'taken' })],
    ['a body over the limit', 413, 'payload_too_large', new RequestBodyError(413, 'too large')],
    ['an unreadable body', 415, 'unsupported_media_type', new RequestBodyError(415, 'br')],
    [
      'the rate limit',
      429,
      'too_many_requests',
      { statusCode: 429, message: 'rate limit of 3 requests per 1 second exceeded' },
    ],
  ])('%s: %i %s', (_name, status, code, error) => {
    const mapped = httpErrorOf(error);
    expect(mapped).toMatchObject({ status, body: { error: code }, log: 'none' });
    expect(typeof mapped.body.message).toBe('string');
    expect(mapped.headers['retry-after']).toBeUndefined();
    expect(Object.keys(mapped.body).every((k) => ['error', 'message', 'errors'].includes(k))).toBe(true);
  });

  it('names the fields of every 400, `(root)` when the request as a whole is wrong', () => {
    expect(httpErrorOf(new InvalidInputError([{ path: 'tags[3]', message: 'too many' }])).body).toEqual({
      error: 'invalid_input',
      message: 'the request has invalid fields',
      errors: [{ path: 'tags[3]', message: 'too many' }],
    });
    expect(httpErrorOf(withStatus('Body cannot be empty', 400)).body).toEqual({
      error: 'invalid_input',
      message: 'Body cannot be empty',
      errors: [{ path: '(root)', message: 'Body cannot be empty' }],
    });
    const nest = httpErrorOf(
      new NotFoundException({ errors: [{ path: 'query.modelId', message: 'no such model' }] }),
    );
    expect(nest.body).toEqual({
      error: 'not_found',
      message: 'query.modelId no such model',
      errors: [{ path: 'query.modelId', message: 'no such model' }],
    });
  });

  it.each<[string, unknown, string]>([
    ['database', pgError('57P03'), 'database'],
    ['database', Object.assign(new Error('x'), { driverError: pgError('08006') }), 'database'],
    ['database', new Error('Connection terminated unexpectedly'), 'database'],
    [
      'database',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'database',
    ],
    ['database', pgError('40001'), 'database'],
    ['broker', new DependencyUnavailableError('broker', new Error('Connection timeout')), 'broker'],
    ['registry', new DependencyUnavailableError('registry', new Error('fetch failed')), 'registry'],
  ])(
    'answers 503 with Retry-After only when a named dependency is down: the %s',
    (_name, error, dependency) => {
      expect(unavailableDependency(error)).toBe(dependency);
      expect(httpErrorOf(error)).toEqual({
        status: 503,
        body: { error: 'unavailable', message: `the ${dependency} is unavailable right now; retry later` },
        headers: { 'retry-after': '5' },
        log: 'warn',
      });
    },
  );

  it.each<[string, unknown]>([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a constraint violation', pgError('23505')],
    ['a registry 404', new SchemaRegistryError(404, 40401, 'Subject not found')],
    [
      'a raw client error the adapters did not wrap',
      Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' }),
    ],
    ['a 5xx HttpException', withStatus('boom', 502)],
    ['a thrown string', 'nope'],
  ])('answers 500, without Retry-After, for anything else: %s', (_name, error) => {
    const mapped = httpErrorOf(error, '0af7651916cd43dd8448eb211c80319c');
    expect(mapped).toMatchObject({
      status: 500,
      headers: {},
      log: 'error',
      body: { error: 'internal_error' },
    });
    expect(mapped.body.message).toContain('(trace 0af7651916cd43dd8448eb211c80319c)');
  });
});

describe('the error filter', () => {
  const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
  const manager = new AsyncLocalStorageContextManager().enable();
  beforeAll(() => context.setGlobalContextManager(manager));
  afterAll(() => {
    context.disable();
  });

  type Sent = { status?: number; headers?: Record<string, string>; body?: unknown };
  const hostFor = (sent: Sent): ArgumentsHost => {
    const reply = {
      status: (s: number) => ((sent.status = s), reply),
      headers: (h: Record<string, string>) => ((sent.headers = h), reply),
      send: (b: unknown) => ((sent.body = b), reply),
    };
    return { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  };

  it('logs a bug at error level with its trace id, and gives the client that trace id', () => {
    const { logger, lines } = memoryLogger();
    const filter = new HttpErrorFilter(logger);
    const sent: Sent = {};
    const span = trace.wrapSpanContext({
      traceId: TRACE_ID,
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    });
    context.with(trace.setSpan(context.active(), span), () =>
      filter.catch(new TypeError("Cannot read properties of undefined (reading 'x')"), hostFor(sent)),
    );
    expect(sent).toMatchObject({ status: 500, headers: {} });
    expect((sent.body as { message: string }).message).toContain(TRACE_ID);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        trace_id: TRACE_ID,
        err: expect.objectContaining({
          type: 'TypeError',
          message: "Cannot read properties of undefined (reading 'x')",
        }),
      }),
    ]);
  });

  it('logs an outage as a warning and a client’s mistake not at all', () => {
    const { logger, lines } = memoryLogger();
    const filter = new HttpErrorFilter(logger);
    filter.catch(pgError('57P01'), hostFor({}));
    filter.catch(new InvalidInputError([{ path: 'x', message: 'bad' }]), hostFor({}));
    expect(lines.map((l) => l['level'])).toEqual(['warn']);
  });

  it('maps a service’s own errors through its translator first', () => {
    class AppNotFound extends Error {}
    const filter = new HttpErrorFilter(memoryLogger().logger, (e) =>
      e instanceof AppNotFound ? new NotFoundError(e.message) : undefined,
    );
    const sent: Sent = {};
    filter.catch(new AppNotFound('no key k1'), hostFor(sent));
    expect(sent).toMatchObject({ status: 404, body: { error: 'not_found', message: 'no key k1' } });
  });
});

describe('errors raised in the app', () => {
  let app: NestFastifyApplication;
  let lines: Lines;
  beforeAll(async () => {
    ({ app, lines } = await startEdgeApp());
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers a bug in a route with the 500 envelope and logs it at error level', async () => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/items/boom', headers: bearer(READ_KEY) });
    expect(res.statusCode).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(JSON.parse(res.body)).toEqual({
      error: 'internal_error',
      message: 'an unexpected error occurred on our side',
    });
    expect(
      lines.filter((l) => l['level'] === 'error' && l['msg'] === 'request failed: a bug (500)'),
    ).toHaveLength(1);
  });

  it('answers an unknown route with the 404 envelope', async () => {
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/nowhere' });
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'not_found' });
  });
});
