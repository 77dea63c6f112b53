import { TOPICS } from '@smarketing/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@smarketing/service-testing';
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';

export { EventProducer } from '@smarketing/service-testing';

export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [TOPICS.leadUpserted] as const;

export type __Name__UnderTest = ServiceUnderTest<Config>;

/** The __name__ app in-process on a fresh database (`smarketing_test___name_snake___<random>`) and a fresh consumer group. */
export function start__Name__(env: Record<string, string> = {}): Promise<__Name__UnderTest> {
  return startServiceUnderTest({
    name: '__name__',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp,
    apiKeys: `read:${READ_KEY}`,
    readKey: READ_KEY,
    env,
  });
}
