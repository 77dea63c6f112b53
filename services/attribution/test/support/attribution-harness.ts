import { TOPICS } from '@smarketing/contracts';
import {
  bearer,
  startServiceUnderTest,
  type Response,
  type ServiceUnderTest,
} from '@smarketing/service-testing';
import { createApp } from '../../src/app.factory';
import { loadConfig, type Config } from '../../src/config';
import { migrations } from '../../src/infra/migrations';

export { EventProducer } from '@smarketing/service-testing';

export const READ_KEY = 'test-read-key-0123456789abcdef-01234';
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';

/** Every topic the service consumes: its test consumer group starts at their ends. */
export const CONSUMED_TOPICS = [
  TOPICS.touchpointRecorded,
  TOPICS.salesActivityRecorded,
  TOPICS.leadUpserted,
  TOPICS.lifecycleChanged,
  TOPICS.opportunityUpdated,
  TOPICS.campaignCostRecorded,
  TOPICS.leadsMerged,
  TOPICS.leadErased,
] as const;

export type AttributionUnderTest = ServiceUnderTest<Config> & {
  /** POST with the admin key. */
  post(url: string, payload: unknown): Promise<Response>;
};

/** The attribution app in-process on a fresh database (`smarketing_test_attribution_<random>`) and a fresh consumer group. */
export async function startAttribution(env: Record<string, string> = {}): Promise<AttributionUnderTest> {
  const s = await startServiceUnderTest({
    name: 'attribution',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp,
    apiKeys: `admin+read:${ADMIN_KEY},read:${READ_KEY}`,
    readKey: READ_KEY,
    env,
  });
  return {
    ...s,
    post: (url, payload) => s.inject('POST', url, { headers: bearer(ADMIN_KEY), body: payload }),
  };
}
