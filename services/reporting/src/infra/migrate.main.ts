import { migrateCommand } from '@smarketing/persistence';
import { loadConfig } from '../config';
import { migrations } from './migrations';

/** `npm run migrate [-- down]`: applies pending migrations (or reverts the last one). Run by deploy as a Job. */
migrateCommand({ service: 'reporting', url: loadConfig().DATABASE_URL, migrations }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
