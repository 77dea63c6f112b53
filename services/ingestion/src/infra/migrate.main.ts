import { createDataSource, migrate } from '@smarketing/persistence';
import { loadConfig } from '../config';
import { migrations } from './migrations';

/** `npm run migrate [-- down]`: applies pending migrations (or reverts the last one). Run by deploy as a Job. */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = createDataSource({ url: config.DATABASE_URL, applicationName: 'ingestion-migrate', migrations });
  const ran = await migrate(ds, process.argv.includes('down') ? 'down' : 'up');
  console.log(ran.length ? `ingestion: ran ${ran.join(', ')}` : 'ingestion: schema up to date');
  await ds.destroy();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
