import { Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { InvalidInputError, RequestBodyError } from '../errors/http-errors';

export type ContentEncoding = 'identity' | 'gzip';

/** The Content-Encoding header as what to undo; null for anything but gzip (Segment's API takes gzip only). */
export function contentEncodingOf(header: string | undefined): ContentEncoding | null {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return 'identity';
  return codings.length === 1 && (codings[0] === 'gzip' || codings[0] === 'x-gzip') ? 'gzip' : null;
}

/** What Fastify reads a body from; `receivedEncodedLength` is matched against Content-Length. */
export type DecodedBody = Transform & { receivedEncodedLength: number };

const tooLarge = (limit: number) =>
  new RequestBodyError(413, `the body is larger than ${limit} bytes once decompressed`);

/**
 * The request body gunzipped as it arrives. It fails as soon as either side passes `limit` bytes
 * (413: a zip bomb is never inflated past the limit, and gzip members that inflate to nothing cannot
 * stream forever), or when the bytes are not gzip (400).
 */
export function gunzippedBody(payload: Readable, limit: number): DecodedBody {
  const gunzip = createGunzip();
  let decodedLength = 0;
  const body: DecodedBody = Object.assign(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        decodedLength += chunk.length;
        callback(decodedLength > limit ? tooLarge(limit) : null, chunk);
      },
    }),
    { receivedEncodedLength: 0 },
  );
  const countEncoded = (chunk: Buffer): void => {
    body.receivedEncodedLength += chunk.length;
    if (body.receivedEncodedLength > limit) body.destroy(tooLarge(limit));
  };
  gunzip.on('error', (error) =>
    body.destroy(
      new InvalidInputError(
        [{ path: '(root)', message: `is not valid gzip (${error.message})` }],
        'the body is not valid gzip, as its Content-Encoding says',
      ),
    ),
  );
  // Fastify listens for the error while it reads the body; after it stopped (it answered already),
  // an error must not go unheard, which would crash the process.
  body.on('error', () => undefined);
  // A client that goes away mid-body ends the read too (pipe does not pass errors on).
  const abandoned = (error: Error): void => void body.destroy(error);
  body.on('close', () => {
    payload.off('data', countEncoded);
    payload.off('error', abandoned);
    payload.unpipe(gunzip);
    gunzip.destroy();
  });
  payload.pipe(gunzip).pipe(body);
  payload.on('data', countEncoded);
  payload.on('error', abandoned);
  return body;
}

const hasBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/**
 * Undoes the body's Content-Encoding before it is parsed (preParsing), so the parser and the body
 * limit see the decoded bytes: Segment's HTTP API takes gzip, and RudderStack's Node SDK sends it.
 */
export function registerContentDecoding(app: FastifyInstance, limit: number): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!hasBody(request.headers)) return payload;
    const header = request.headers['content-encoding'];
    const encoding = contentEncodingOf(header);
    if (encoding === null)
      throw new RequestBodyError(
        415,
        `Content-Encoding "${header}" is not supported: send the body uncompressed or gzip-compressed`,
      );
    return encoding === 'gzip' ? gunzippedBody(payload, limit) : payload;
  });
}
