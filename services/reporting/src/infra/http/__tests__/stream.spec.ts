import type { AddressInfo } from 'node:net';
import { bearer, READ_KEY, startEdge, type Edge } from './edge';

/** Reads server-sent events off a live response until `until` holds. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  until: (text: string) => boolean,
): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (!until(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  return text;
}

const events = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.startsWith('event: freshness'))
    .map((block) => JSON.parse(block.split('data: ')[1] ?? 'null') as { version: number });

describe('the live stream (server-sent events)', () => {
  let edge: Edge;
  let base: string;

  beforeAll(async () => {
    edge = await startEdge();
    await edge.app.listen(0, '127.0.0.1');
    const address = edge.app.getHttpServer().address() as AddressInfo;
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await edge.app.close();
  });

  it('sends the version on connecting and again when the read models move, not in between', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/v1/stream`, { headers: bearer(READ_KEY), signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = res.body as ReadableStream<Uint8Array>;

    const first = await readEvents(body, (t) => events(t).length >= 1);
    expect(first).toMatch(/^retry: 3000\n\n/);
    expect(events(first)).toEqual([{ asOf: '2026-12-03T16:42:10.000Z', version: 1 }]);

    // Several polls pass with no change, then one batch lands.
    await new Promise((r) => setTimeout(r, 100));
    edge.queries.version = 2;
    const next = await readEvents(body, (t) => events(t).length >= 1);
    expect(events(next)).toEqual([{ asOf: '2026-12-03T16:42:10.000Z', version: 2 }]);
    abort.abort();
  });

  it('keeps the stream open while the read models cannot answer, and carries on after', async () => {
    const abort = new AbortController();
    edge.queries.failFreshness = true;
    const res = await fetch(`${base}/v1/stream`, { headers: bearer(READ_KEY), signal: abort.signal });
    const body = res.body as ReadableStream<Uint8Array>;
    await readEvents(body, (t) => t.includes('retry:'));
    await new Promise((r) => setTimeout(r, 60));
    edge.queries.failFreshness = false;
    edge.queries.version = 3;
    const text = await readEvents(body, (t) => events(t).length >= 1);
    expect(events(text)).toEqual([{ asOf: '2026-12-03T16:42:10.000Z', version: 3 }]);
    abort.abort();
  });

  it('refuses a caller without a credential', async () => {
    const res = await fetch(`${base}/v1/stream`);
    expect(res.status).toBe(401);
  });
});

describe('the live stream on shutdown', () => {
  it('ends open streams when the app closes, so shutdown does not wait on them', async () => {
    const edge = await startEdge();
    await edge.app.listen(0, '127.0.0.1');
    const { port } = edge.app.getHttpServer().address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/v1/stream`, { headers: bearer(READ_KEY) });
    const body = res.body as ReadableStream<Uint8Array>;
    await readEvents(body, (t) => events(t).length >= 1);

    await edge.app.close();
    const reader = body.getReader();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});
