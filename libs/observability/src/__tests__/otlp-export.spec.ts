import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('OTLP export', () => {
  it('posts spans to OTEL_EXPORTER_OTLP_ENDPOINT over OTLP/HTTP and flushes them on shutdown', async () => {
    const received: { url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ url: req.url, headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      };
      delete env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'];
      delete env['OTEL_SERVICE_NAME'];
      const { stdout } = await run(
        process.execPath,
        ['-r', '@swc-node/register', join(__dirname, 'fixtures/otlp-export.main.ts')],
        { cwd: join(__dirname, '../../../..'), env, timeout: 15_000 },
      );
      const printed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        exporting: boolean;
        traceId: string;
      };

      expect(printed.exporting).toBe(true);
      expect(received).toHaveLength(1);
      expect(received[0]?.url).toBe('/v1/traces');
      expect(received[0]?.headers['content-type']).toBe('application/json');
      expect(received[0]?.body).toContain(printed.traceId);
      expect(received[0]?.body).toContain('"score lead"');
      expect(received[0]?.body).toContain('"stringValue":"1.2.3"');
    } finally {
      collector.close();
    }
  });
});
