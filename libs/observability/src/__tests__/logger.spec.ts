import { trace } from '@opentelemetry/api';
import type { DestinationStream } from 'pino';
import { createLogger } from '../logger';
import { PinoNestLogger } from '../pino-nest-logger';
import { shutdownTelemetry, startTelemetry } from '../telemetry';

function memoryStream(): DestinationStream & { lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  return {
    write: (line: string) => void written.push(line),
    lines: () => written.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  beforeAll(() => startTelemetry({ serviceName: 'logger-test' }));
  afterAll(() => shutdownTelemetry());

  it('writes JSON lines with the service, a string level and an ISO time', () => {
    const out = memoryStream();
    createLogger({ service: 'scoring', level: 'info', destination: out }).info('hello');
    const [line] = out.lines();
    expect(line).toMatchObject({ service: 'scoring', level: 'info', msg: 'hello' });
    expect(String(line?.['time'])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('carries the trace_id and span_id of the active span', () => {
    const out = memoryStream();
    const logger = createLogger({ service: 'scoring', level: 'info', destination: out });
    const ids = trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside');
      span.end();
      return span.spanContext();
    });
    logger.info('outside');
    const [inside, outside] = out.lines();
    expect(ids.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(inside).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId, trace_flags: '01' });
    expect(outside).not.toHaveProperty('trace_id');
  });

  it('redacts credentials and e-mail addresses at the top level and in nested objects', () => {
    const out = memoryStream();
    createLogger({ service: 'ingestion', level: 'info', destination: out }).info(
      {
        email: 'ada@example.com',
        authorization: 'Basic top',
        req: { headers: { authorization: 'Bearer abc', 'x-api-key': 'k', host: 'api' } },
        source: { writeKey: 'wk', apiKey: 'ak', secret: 's', password: 'p' },
        lead: { traits: { email: 'ada@example.com', firstName: 'Ada', lastName: 'King', company: 'ACME' } },
        config: { API_KEYS: 'admin:a-long-admin-key', INGESTION_DEV_WRITE_KEY: 'dev-wk' },
      },
      'received',
    );
    const raw = JSON.stringify(out.lines()[0]);
    for (const secret of [
      'ada@example.com',
      'Basic top',
      'Bearer abc',
      '"wk"',
      '"ak"',
      '"s"',
      '"p"',
      '"k"',
      'a-long-admin-key',
      'dev-wk',
      '"Ada"',
      'King',
    ]) {
      expect(raw).not.toContain(secret);
    }
    expect(out.lines()[0]).toMatchObject({
      email: '[Redacted]',
      req: { headers: { authorization: '[Redacted]', 'x-api-key': '[Redacted]', host: 'api' } },
      lead: { traits: { email: '[Redacted]', company: 'ACME' } },
    });
  });

  it('takes its level from LOG_LEVEL and rejects an unknown one', () => {
    const previous = process.env['LOG_LEVEL'];
    try {
      process.env['LOG_LEVEL'] = 'warn';
      const out = memoryStream();
      const logger = createLogger({ service: 's', destination: out });
      logger.info('dropped');
      logger.warn('kept');
      expect(out.lines().map((l) => l['msg'])).toEqual(['kept']);

      process.env['LOG_LEVEL'] = 'loud';
      expect(() => createLogger({ service: 's', destination: out })).toThrow(/LOG_LEVEL/);
    } finally {
      if (previous === undefined) delete process.env['LOG_LEVEL'];
      else process.env['LOG_LEVEL'] = previous;
    }
  });
});

describe('PinoNestLogger', () => {
  it("writes Nest's messages as JSON with their context, stack and level", () => {
    const out = memoryStream();
    const nest = new PinoNestLogger(createLogger({ service: 's', level: 'trace', destination: out }));
    nest.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at x.ts:1:1', 'ExceptionsHandler');
    nest.error(new Error('kaput'), undefined, 'ExceptionsHandler');
    nest.verbose({ event: 'detail' });
    const [log, error, fromError, verbose] = out.lines();
    expect(log).toMatchObject({
      level: 'info',
      context: 'RouterExplorer',
      msg: 'Mapped {/health/live, GET} route',
    });
    expect(error).toMatchObject({ level: 'error', context: 'ExceptionsHandler', msg: 'boom' });
    expect(error?.['stack']).toContain('at x.ts:1:1');
    expect(fromError).toMatchObject({
      level: 'error',
      msg: 'kaput',
      err: { message: 'kaput', type: 'Error' },
    });
    expect(verbose).toMatchObject({ level: 'trace', event: 'detail' });
  });

  it("maps Nest's log levels onto pino's", () => {
    const out = memoryStream();
    const nest = new PinoNestLogger(createLogger({ service: 's', level: 'info', destination: out }));
    nest.setLogLevels(['warn', 'error']);
    nest.log('dropped');
    nest.warn('kept');
    expect(out.lines().map((l) => l['msg'])).toEqual(['kept']);
  });
});
