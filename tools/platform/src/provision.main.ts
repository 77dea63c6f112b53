// Creates every topic (events and dead letters) and registers every schema: `npm run stack:provision`.
import { formatSubjects, formatTopics, provision } from './provision';
import { loadPlatformConfig } from './platform-config';

async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const started = Date.now();
  const { topics, subjects } = await provision(config);
  console.log([...formatTopics(topics, config), ...formatSubjects(subjects)].join('\n'));
  console.log(`provisioned in ${Date.now() - started} ms`);
}

main().catch((e: unknown) => {
  console.error(`provision failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
