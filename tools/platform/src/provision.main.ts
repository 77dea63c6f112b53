// Creates every topic (events and dead letters) and registers every schema: `npm run stack:provision`.
import { formatSubjects, formatTopics } from './provision';
import { ensureTopics } from './ensure-topics';
import { withAdmin } from './kafka-admin';
import { loadPlatformConfig } from './platform-config';
import { registerSchemas } from './register-schemas';
import { schemaRegistryClient } from './schema-registry-client';
import { platformTopicSpecs } from './topic-specs';

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const started = Date.now();
  const topics = await withAdmin(config.brokers, (admin) => ensureTopics(admin, platformTopicSpecs(config)));
  console.log(formatTopics(topics, config).join('\n'));
  const subjects = await registerSchemas(schemaRegistryClient(config.registryUrl));
  console.log(formatSubjects(subjects).join('\n'));
  console.log(`provisioned in ${Date.now() - started} ms`);
}

main().catch((e: unknown) => {
  console.error(`provision failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
