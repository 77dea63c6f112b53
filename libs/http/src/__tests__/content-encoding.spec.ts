import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { contentEncodingOf, gunzippedBody } from '../body/content-encoding.hook';
import { InvalidInputError, RequestBodyError } from '../errors/http-errors';

const LIMIT = 64 * 1024;

type Read = { decoded: number; encoded: number; error?: Error; payloadStillRead: boolean };

/** Reads the decoded body the way Fastify does: every chunk, then end or error (and then close). */
function read(compressed: Buffer, chunkSize = 1024): Promise<Read> {
  const chunks = Array.from({ length: Math.ceil(compressed.length / chunkSize) }, (_, i) =>
    compressed.subarray(i * chunkSize, (i + 1) * chunkSize),
  );
  let next = 0;
  // Like a socket: a chunk when asked for one.
  const payload = new Readable({
    read() {
      this.push(chunks[next++] ?? null);
    },
  });
  const body = gunzippedBody(payload, LIMIT);
  let decoded = 0;
  let error: Error | undefined;
  return new Promise((resolve) => {
    body.on('data', (chunk: Buffer) => (decoded += chunk.length));
    body.on('error', (e) => (error = e));
    body.on('close', () =>
      resolve({
        decoded,
        encoded: body.receivedEncodedLength,
        ...(error ? { error } : {}),
        payloadStillRead: payload.listenerCount('data') > 0,
      }),
    );
    body.resume();
  });
}

describe('Content-Encoding', () => {
  it.each<[string | undefined, ReturnType<typeof contentEncodingOf>]>([
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['gzip', 'gzip'],
    ['GZip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, identity', 'gzip'],
    ['br', null],
    ['deflate', null],
    ['gzip, gzip', null],
  ])('reads %p as %p', (header, encoding) => {
    expect(contentEncodingOf(header)).toBe(encoding);
  });
});

describe('a gzipped request body', () => {
  it('is decoded, and reports the compressed length Fastify matches against Content-Length', async () => {
    const json = Buffer.from(JSON.stringify({ batch: Array.from({ length: 200 }, (_, i) => ({ i })) }));
    const compressed = gzipSync(json);
    expect(await read(compressed)).toEqual({
      decoded: json.length,
      encoded: compressed.length,
      payloadStillRead: false,
    });
  });

  it('fails with 413 once the decoded bytes pass the limit, without inflating the rest of a zip bomb', async () => {
    const bomb = gzipSync(Buffer.alloc(700 * LIMIT)); // about 44 KB that would inflate to 44 MiB
    expect(bomb.length).toBeLessThan(LIMIT);
    const result = await read(bomb);
    expect(result.error).toBeInstanceOf(RequestBodyError);
    expect(result.error).toMatchObject({ statusCode: 413 });
    expect(result.decoded).toBeLessThanOrEqual(LIMIT);
    // Decompression stopped there: nothing reads the request any more.
    expect(result.payloadStillRead).toBe(false);
  });

  it('fails with 413 once the compressed bytes pass the limit, even when they inflate to nothing', async () => {
    const empty = gzipSync(Buffer.alloc(0));
    const members = Buffer.concat(Array.from({ length: Math.ceil((2 * LIMIT) / empty.length) }, () => empty));
    const result = await read(members);
    expect(result.error).toMatchObject({ statusCode: 413 });
    expect(result.decoded).toBe(0);
  });

  it('fails with a 400 naming the body when it is not gzip', async () => {
    const result = await read(Buffer.from('{"batch":[]}'));
    expect(result.error).toBeInstanceOf(InvalidInputError);
    expect((result.error as InvalidInputError).errors).toEqual([
      { path: '(root)', message: 'is not valid gzip (incorrect header check)' },
    ]);
    const truncated = gzipSync(Buffer.from(JSON.stringify({ batch: [1, 2, 3] })));
    const cut = await read(truncated.subarray(0, truncated.length - 6));
    expect((cut.error as InvalidInputError).errors[0]?.message).toBe(
      'is not valid gzip (unexpected end of file)',
    );
  });

  it('ends with the error of a client that goes away mid-body, rather than waiting for the rest', async () => {
    const compressed = gzipSync(
      Buffer.from(JSON.stringify({ batch: Array.from({ length: 500 }, (_, i) => i) })),
    );
    const payload = new Readable({ read() {} });
    const body = gunzippedBody(payload, LIMIT);
    const closed = new Promise<Error | undefined>((resolve) => {
      let error: Error | undefined;
      body.on('error', (e) => (error = e));
      body.on('close', () => resolve(error));
    });
    body.resume();
    payload.push(compressed.subarray(0, 100));
    payload.destroy(new Error('aborted'));
    expect((await closed)?.message).toBe('aborted');
    expect(payload.listenerCount('data')).toBe(0);
  });
});
