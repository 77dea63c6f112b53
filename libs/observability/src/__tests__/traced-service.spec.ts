import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WORKSPACE = join(__dirname, '../../../..');
const INCOMING_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('a service that starts telemetry first in main.ts', () => {
  it('continues the caller trace over HTTP and stamps its trace id on every request log line', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info' };
    delete env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    delete env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
    delete env['OTEL_SERVICE_NAME'];
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'fixtures/traced-service.main.ts')],
      { cwd: WORKSPACE, env, timeout: 15_000 },
    );
    const lines = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

    expect(lines.find((l) => l['context'] === 'NestApplication')).toMatchObject({
      service: 'fixture',
      level: 'info',
    });
    const handler = lines.find((l) => l['msg'] === 'listing leads');
    const access = lines.find((l) => l['msg'] === 'request completed');
    expect(handler).toMatchObject({ trace_id: INCOMING_TRACE });
    expect(access).toMatchObject({ trace_id: INCOMING_TRACE, route: '/leads', status_code: 200 });
    // The server span is a new child of the caller's span, not the caller's span itself.
    expect(handler?.['span_id']).toMatch(/^[0-9a-f]{16}$/);
    expect(handler?.['span_id']).not.toBe('00f067aa0ba902b7');
  });
});
