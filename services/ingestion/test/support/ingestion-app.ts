import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createDataSource, migrate } from '@smarketing/persistence';
import {
  createTestDatabase,
  ensureStack,
  waitForOutboxDrained,
  type TestDatabase,
} from '@smarketing/testing';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config';
import { migrations } from '../../src/infra/migrations';

export type TestApp = {
  readonly app: NestFastifyApplication;
  readonly db: TestDatabase;
  readonly adminKey: string;
  readonly writeKey: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** POST JSON with a write key (Basic, Segment style). */
  segment(path: string, body: unknown, writeKey?: string): Promise<LightMyRequestResponse>;
  /** A request with an API key (Bearer). */
  api(
    method: InjectOptions['method'],
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<LightMyRequestResponse>;
  /** Listens on a free port of 127.0.0.1, for clients that speak real HTTP; returns the base URL. */
  listen(): Promise<string>;
  /** Waits until the relay published every outbox row. */
  drained(): Promise<void>;
  close(): Promise<void>;
};

export const basic = (writeKey: string): string => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

/** The service on a fresh database (smarketing_test_ingestion_<random>), migrated, with a unique consumer group. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  await ensureStack();
  const db = await createTestDatabase('smarketing_test_ingestion');
  const ds = createDataSource({ url: db.url, applicationName: 'ingestion-test-migrate', migrations });
  await migrate(ds);
  await ds.destroy();
  const adminKey = `admin-${randomBytes(24).toString('hex')}`;
  const writeKey = `dev-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    CONSUMER_GROUP: `ingestion-test-${randomBytes(6).toString('hex')}`,
    // A platform key with every scope (API_KEYS, libs/http) and the dev source's write key.
    API_KEYS: `admin+ingest+read:${adminKey}`,
    INGESTION_DEV_WRITE_KEY: writeKey,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const inject = (options: InjectOptions) =>
    fastify.inject(options) as unknown as Promise<LightMyRequestResponse>;
  return {
    app,
    db,
    adminKey,
    writeKey,
    inject,
    segment: (path, body, key = writeKey) =>
      inject({
        method: 'POST',
        url: path,
        headers: { authorization: basic(key), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      }),
    api: (method, path, body, key = adminKey) =>
      inject({
        method,
        url: path,
        headers: {
          authorization: `Bearer ${key}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return app.getUrl();
    },
    drained: () => waitForOutboxDrained(db),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
