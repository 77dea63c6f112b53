import { TOPICS } from '@smarketing/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@smarketing/service-testing';
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';
import { RescoreWorker } from '../../src/infra/rescore/rescore-worker';

export { EventProducer } from '@smarketing/service-testing';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';
export const READ_KEY = 'test-read-key-0123456789abcdef-01234';

export const CONSUMED_TOPICS = [
  TOPICS.leadUpserted,
  TOPICS.touchpointRecorded,
  TOPICS.leadDispositioned,
  TOPICS.opportunityUpdated,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

export type ScoringUnderTest = ServiceUnderTest<Config> & {
  /** Waits until no re-scoring job is running in this app. */
  rescoreIdle(): Promise<void>;
};

/** The scoring app in-process on a fresh database (`smarketing_test_scoring_<random>`) and a fresh consumer group. */
export async function startScoring(env: Record<string, string> = {}): Promise<ScoringUnderTest> {
  const s = await startServiceUnderTest({
    name: 'scoring',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp,
    apiKeys: `admin+read:${ADMIN_KEY},read:${READ_KEY}`,
    readKey: READ_KEY,
    env,
  });
  return { ...s, rescoreIdle: () => s.app.get(RescoreWorker).idle() };
}
