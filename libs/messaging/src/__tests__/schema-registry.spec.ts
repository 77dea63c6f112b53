import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TopicDef } from '@smarketing/contracts';
import { DependencyUnavailableError, UndecodableEventError } from '../errors';
import { classifyFailure } from '../failure';
import { AvroSerde } from '../serde/avro-serde';
import { SchemaRegistryClient, SchemaRegistryError } from '../serde/schema-registry';

/** A registry stand-in on localhost answering every request with `status` and `body`. */
async function registry(status: number, body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/vnd.schemaregistry.v1+json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/apis/ccompat/v7`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The URL of a port nothing listens on (connections are refused). */
async function refusedUrl(): Promise<string> {
  const { url, close } = await registry(200, {});
  await close();
  return url;
}

/** A Confluent-framed value naming `schemaId`. */
const framed = (schemaId: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeUInt8(0, 0);
  b.writeInt32BE(schemaId, 1);
  return b;
};

const topic = {
  name: 'test.thing.v1',
  schema: { type: 'record', name: 'Thing', fields: [{ name: 'n', type: 'int' }] },
} as unknown as TopicDef;

describe('SchemaRegistryClient', () => {
  it('reports a refused connection (undici TypeError, cause code ECONNREFUSED) as the registry unavailable', async () => {
    const error = await new SchemaRegistryClient(await refusedUrl()).schemaById(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    const cause = (error as DependencyUnavailableError).cause;
    expect(cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { code: 'ECONNREFUSED' },
    });
    expect(error).toMatchObject({ dependency: 'registry' });
    expect(classifyFailure(error)).toBe('transient');
  });

  it('reports a request that timed out as the registry unavailable', async () => {
    const hang: Server = createServer(() => undefined); // never answers
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const { port } = hang.address() as AddressInfo;
    const slowFetch: typeof fetch = (input, init) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(50) });
    try {
      const error = await new SchemaRegistryClient(`http://127.0.0.1:${port}`, slowFetch)
        .schemaById(1)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect((error as DependencyUnavailableError).cause).toMatchObject({ name: 'TimeoutError' });
    } finally {
      hang.closeAllConnections();
      await new Promise((r) => hang.close(r));
    }
  });

  it.each([503, 500, 429])('reports an HTTP %i as the registry unavailable', async (status) => {
    const r = await registry(status, { error_code: 50001, message: 'store not ready' });
    try {
      const error = await new SchemaRegistryClient(r.url).schemaById(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect((error as DependencyUnavailableError).cause).toMatchObject({ status, errorCode: 50001 });
      expect(classifyFailure(error)).toBe('transient');
    } finally {
      await r.close();
    }
  });

  it.each([404, 401, 422])(
    'reports an HTTP %i as a SchemaRegistryError, not retried in place',
    async (status) => {
      const r = await registry(status, { error_code: 40403, message: 'Schema not found' });
      try {
        const error = await new SchemaRegistryClient(r.url).schemaById(7).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SchemaRegistryError);
        expect(error).toMatchObject({ status, errorCode: 40403 });
        expect(classifyFailure(error)).toBe('bug');
      } finally {
        await r.close();
      }
    },
  );

  it('reads a schema by id', async () => {
    const r = await registry(200, { schema: '"int"' });
    try {
      expect(await new SchemaRegistryClient(r.url).schemaById(3)).toEqual({ schema: '"int"' });
    } finally {
      await r.close();
    }
  });
});

describe('AvroSerde.decode and the registry', () => {
  it('makes a record naming a schema id the registry does not know undecodable (dead-lettered at once)', async () => {
    const r = await registry(404, { error_code: 40403, message: 'Schema 99 not found' });
    try {
      const error = await new AvroSerde(r.url).decode(topic, framed(99)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UndecodableEventError);
      expect(classifyFailure(error)).toBe('permanent');
    } finally {
      await r.close();
    }
  });

  it('retries a record when the registry is down, and does not cache the failure', async () => {
    const serde = new AvroSerde(await refusedUrl());
    const error = await serde.decode(topic, framed(5)).catch((e: unknown) => e);
    expect(classifyFailure(error)).toBe('transient');
    const again = await serde.decode(topic, framed(5)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DependencyUnavailableError); // asked again, not a cached rejection
  });

  it('decodes with the writer schema the registry names', async () => {
    const r = await registry(200, { schema: JSON.stringify(topic.schema) });
    try {
      const serde = new AvroSerde(r.url);
      const body = serde.typeOf(topic).toBuffer({ n: 42 });
      const value = Buffer.concat([framed(1).subarray(0, 5), body]);
      expect(await serde.decode(topic, value)).toEqual({ n: 42 });
    } finally {
      await r.close();
    }
  });
});
