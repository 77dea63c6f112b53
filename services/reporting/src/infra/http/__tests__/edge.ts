import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ObservabilityModule } from '@smarketing/observability';
import { createReportingEdge } from '../reporting-edge';
import { DashboardQueries, ReviewCommands } from '../../../app/queries';
import { loadConfig } from '../../../config';
import { httpControllers } from '../controllers';
import { FakeDashboardQueries, FakeReviewCommands } from './fakes';

export const READ_KEY = 'read-key-0123456789abcdef0123456789';
export const ADMIN_KEY = 'admin-key-0123456789abcdef0123456789';
export const INGEST_KEY = 'ingest-key-0123456789abcdef012345678';
export const API_KEYS = `read:${READ_KEY},admin:${ADMIN_KEY},ingest:${INGEST_KEY}`;
export const SESSION_SECRET = 'session-secret-0123456789abcdef0123456789';

@Module({})
class FakeReadSide {}

export type Edge = {
  app: NestFastifyApplication;
  queries: FakeDashboardQueries;
  commands: FakeReviewCommands;
  clock: { now: number };
  inject(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    o?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<{ status: number; headers: Record<string, unknown>; body: string; json: () => unknown }>;
};

/** The service's controllers and edge (sessions, page, stream) around the in-memory read side. */
export async function startEdge(env: Record<string, string> = {}): Promise<Edge> {
  const queries = new FakeDashboardQueries();
  const commands = new FakeReviewCommands();
  const clock = { now: Date.parse('2026-12-03T17:00:00Z') };
  const module: DynamicModule = {
    module: FakeReadSide,
    imports: [ObservabilityModule.forRoot({ service: 'reporting-test', shutdownTelemetryOnClose: false })],
    controllers: httpControllers,
    providers: [
      { provide: DashboardQueries, useValue: queries },
      { provide: ReviewCommands, useValue: commands },
    ],
  };
  const config = loadConfig({ API_KEYS, SESSION_SECRET, LOG_LEVEL: 'silent', ...env });
  const app = await createReportingEdge(module, config, { now: () => clock.now, pollMs: 20 });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    queries,
    commands,
    clock,
    inject: async (method, url, { headers = {}, body } = {}) => {
      const res = await app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method,
          url,
          headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
      return {
        status: res.statusCode,
        headers: res.headers,
        body: res.body,
        json: () => JSON.parse(res.body) as unknown,
      };
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
