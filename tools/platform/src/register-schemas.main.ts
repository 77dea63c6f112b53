// Deploy step: registers every topic's schema from the repo and pins FULL_TRANSITIVE (no Kafka access needed).
import { formatSubjects } from './provision';
import { loadPlatformConfig } from './platform-config';
import { registerSchemas } from './register-schemas';
import { schemaRegistryClient } from './schema-registry-client';

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const subjects = await registerSchemas(schemaRegistryClient(config.registryUrl));
  console.log(formatSubjects(subjects).join('\n'));
}

main().catch((e: unknown) => {
  console.error(`schema registration failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
