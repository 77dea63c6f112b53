import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { KAFKA_HANDLERS, kafkaHandlers, type EventHandler } from '@smarketing/messaging';
import { startServiceUnderTest } from '@smarketing/service-testing';
import { loadConfig, type Config } from '../../src/config';
import { createReportingEdge } from '../../src/infra/http/reporting-edge';
import { migrations } from '../../src/infra/migrations';
import { ReportingModule } from '../../src/reporting.module';
import { CONSUMED_TOPICS, READ_KEY, type ReportingUnderTest } from './reporting-harness';

/**
 * The reporting app with a handler per consumed topic that does nothing: the same consumer,
 * decoding, inbox and offset commits, no read model. A benchmark's baseline.
 */
export async function createPassThroughApp(config: Config): Promise<NestFastifyApplication> {
  const module = ReportingModule.register(config);
  const providers = (module.providers ?? []).filter(
    (p) => !(typeof p === 'object' && 'provide' in p && p.provide === KAFKA_HANDLERS),
  );
  const passThrough = (): EventHandler[] =>
    CONSUMED_TOPICS.map((topic) => ({ topic, handle: () => Promise.resolve() }));
  return createReportingEdge(
    { ...module, providers: [...providers, kafkaHandlers([], passThrough)] },
    config,
  );
}

/** The pass-through app in-process on a fresh database and a fresh consumer group (at the topics' ends). */
export function startPassThrough(env: Record<string, string> = {}): Promise<ReportingUnderTest> {
  return startServiceUnderTest({
    name: 'reporting',
    migrations,
    consumedTopics: CONSUMED_TOPICS,
    loadConfig,
    createApp: createPassThroughApp,
    apiKeys: `read:${READ_KEY}`,
    readKey: READ_KEY,
    env,
  });
}
