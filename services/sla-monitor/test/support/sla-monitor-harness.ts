import { TOPICS } from '@smarketing/contracts';
import {
  bearer,
  createMigratedTestDatabase,
  createTestGroup,
  startServiceUnderTest,
  type Response,
  type ServiceUnderTest,
} from '@smarketing/service-testing';
import type { TestDatabase } from '@smarketing/testing';
import type { Clock } from '../../src/app/ports/clock.port';
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';
import { TimerWorker } from '../../src/infra/timers/timer-worker';

export { EventProducer } from '@smarketing/service-testing';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [
  TOPICS.leadAssigned,
  TOPICS.salesActivityRecorded,
  TOPICS.leadDispositioned,
  TOPICS.lifecycleChanged,
  TOPICS.leadUpserted,
  TOPICS.leadScored,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

export type SlaMonitorUnderTest = ServiceUnderTest<Config> & {
  /** POST with the admin key unless `headers` says otherwise. */
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Fires every timer due by the injected clock, in this task (with TIMER_WORKER=off). */
  fireDue(): Promise<number>;
};

/** A fresh, migrated test database (`smarketing_test_sla_monitor_<random>`). */
export const freshDatabase = (): Promise<TestDatabase> =>
  createMigratedTestDatabase('sla-monitor', migrations);

/** A consumer group that starts at the end of every consumed topic (they are shared with other runs). */
export const freshGroup = (): Promise<string> => createTestGroup('sla-monitor', CONSUMED_TOPICS);

/**
 * The sla-monitor app in-process on a fresh database (or `db`) and a fresh consumer group, with an
 * injected clock when given (time skipping: the test moves it and calls fireDue).
 */
export async function startSlaMonitor(
  options: { env?: Record<string, string>; clock?: Clock; db?: TestDatabase; groupId?: string } = {},
): Promise<SlaMonitorUnderTest> {
  const { clock, ...rest } = options;
  const s = await startServiceUnderTest({
    name: 'sla-monitor',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp: (config) => createApp(config, clock ? { clock } : {}),
    apiKeys: `admin:${ADMIN_KEY},read:${READ_KEY}`,
    readKey: READ_KEY,
    ...rest,
  });
  return {
    ...s,
    post: (url, body, headers = bearer(ADMIN_KEY)) => s.inject('POST', url, { headers, body }),
    fireDue: () => s.app.get(TimerWorker).runUntilIdle(),
  };
}
