// Instrumentation first: it must patch http and pg before anything imports them.
import { startTelemetry } from '@smarketing/observability';
startTelemetry({ serviceName: 'scoring' });

import { loadConfig } from './config';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
