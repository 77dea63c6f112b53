import { ALL_TOPICS } from '@smarketing/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@smarketing/service-testing';
import type { TestDatabase } from '@smarketing/testing';
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';

export { EventProducer } from '@smarketing/service-testing';

export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = ALL_TOPICS.filter((t) => t.readers.includes('reporting'));

export type ReportingUnderTest = ServiceUnderTest<Config>;

/** The reporting app in-process on a fresh database (`smarketing_test_reporting_<random>`) and a fresh consumer group. */
export function startReporting(
  env: Record<string, string> = {},
  reuse: { db?: TestDatabase; groupId?: string } = {},
): Promise<ReportingUnderTest> {
  return startServiceUnderTest({
    ...reuse,
    name: 'reporting',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp,
    apiKeys: `read:${READ_KEY}`,
    readKey: READ_KEY,
    env,
  });
}
