import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TopicDef } from '@smarketing/contracts';
import { MessagingRuntime } from '@smarketing/messaging';
import { createDataSource, migrate, type DataSourceOptions } from '@smarketing/persistence';
import { createTestDatabase, ensureStack, startGroupAtEnd, type TestDatabase } from '@smarketing/testing';

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** An HTTP response as the harnesses see it: the status and the parsed JSON body (undefined when empty). */
export type Response = { status: number; body: unknown };

/** `Authorization: Bearer <key>`. */
export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

export type ServiceUnderTestOptions<Config> = {
  /** The service's name: names its test database, consumer group and migration connection. */
  name: string;
  /** The service's migrations (shared inbox/outbox first), run on a fresh database. */
  migrations: DataSourceOptions['migrations'];
  /** Every topic the service consumes: a fresh consumer group starts at their ends. */
  consumedTopics: readonly TopicDef[];
  loadConfig(env: NodeJS.ProcessEnv): Config;
  /** Builds the app; the service's own options (clocks, workers) are closed over by the caller. */
  createApp(config: Config): Promise<NestFastifyApplication>;
  /** API_KEYS of the app (`roles:key,...`). */
  apiKeys: string;
  /** The key `get` authenticates with unless told otherwise. */
  readKey?: string;
  /** Overrides of the environment, last. */
  env?: Record<string, string>;
  /** An existing (migrated) database instead of a fresh one. */
  db?: TestDatabase;
  /** An existing consumer group instead of a fresh one. */
  groupId?: string;
};

export type ServiceUnderTest<Config> = {
  app: NestFastifyApplication;
  db: TestDatabase;
  config: Config;
  groupId: string;
  /** Fastify's inject; a body is sent as JSON. */
  inject(
    method: HttpMethod,
    url: string,
    request?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<Response>;
  /** A GET, with the read key unless `headers` says otherwise. */
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  /** Closes the app and drops the database unless `keepDatabase`. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
};

const snake = (name: string) => name.replace(/[^a-z0-9]+/gi, '_').toLowerCase();

/** A fresh test database (`smarketing_test_<name>_<random>`) with `migrations` run. */
export async function createMigratedTestDatabase(
  name: string,
  migrations: DataSourceOptions['migrations'],
): Promise<TestDatabase> {
  await ensureStack();
  const db = await createTestDatabase(`smarketing_test_${snake(name)}`);
  const ds = createDataSource({ url: db.url, applicationName: `${name}-test-migrate`, migrations });
  await migrate(ds);
  await ds.destroy();
  return db;
}

/** A fresh consumer group (`<name>-test-<random>`) at the end of every topic given (they are shared with other runs). */
export async function createTestGroup(name: string, topics: readonly TopicDef[]): Promise<string> {
  const groupId = `${name}-test-${randomUUID()}`;
  await startGroupAtEnd(
    groupId,
    topics.map((t) => t.name),
  );
  return groupId;
}

/**
 * A service's app in-process on a fresh migrated database (or `db`) and a fresh consumer group (or
 * `groupId`), listening on no port, once its consumer has joined the group.
 */
export async function startServiceUnderTest<Config>(
  options: ServiceUnderTestOptions<Config>,
): Promise<ServiceUnderTest<Config>> {
  await ensureStack();
  const db = options.db ?? (await createMigratedTestDatabase(options.name, options.migrations));
  const groupId = options.groupId ?? (await createTestGroup(options.name, options.consumedTopics));
  const config = options.loadConfig({
    ...process.env,
    DATABASE_URL: db.url,
    CONSUMER_GROUP: groupId,
    PORT: '0',
    LOG_LEVEL: 'warn',
    API_KEYS: options.apiKeys,
    ...options.env,
  });
  const app = await options.createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  await app.get(MessagingRuntime).consumer.joined();
  const inject: ServiceUnderTest<Config>['inject'] = async (method, url, { headers = {}, body } = {}) => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method,
        url,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : undefined };
  };
  const readHeaders = options.readKey === undefined ? {} : bearer(options.readKey);
  return {
    app,
    db,
    config,
    groupId,
    inject,
    get: (url, headers = readHeaders) => inject('GET', url, { headers }),
    close: async ({ keepDatabase = false } = {}) => {
      await app.close();
      if (!keepDatabase) await db.drop();
    },
  };
}
