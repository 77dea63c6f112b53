// Telemetry first: './instrumentation' runs before the modules it patches are loaded.
import './instrumentation';
import { createApp } from './app.factory';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
