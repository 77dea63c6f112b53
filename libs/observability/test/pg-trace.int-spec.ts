import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

type PrintedSpan = {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  statement?: string;
};

describe('PostgreSQL tracing (local stack PostgreSQL)', () => {
  it('records a pg query as a child span of the active span', async () => {
    const { stdout } = await run(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, 'fixtures/pg-traced.main.ts')],
      { cwd: join(__dirname, '../../..'), timeout: 30_000 },
    );
    const spans = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as PrintedSpan[];
    const parent = spans.find((s) => s.name === 'use case');
    const query = spans.find((s) => s.statement === 'select 1 as one');
    expect(parent).toBeDefined();
    expect(query).toMatchObject({ traceId: parent?.traceId, parentSpanId: parent?.spanId });
  });
});
