import { MESSAGING_MIGRATIONS } from '@smarketing/persistence';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [...MESSAGING_MIGRATIONS];
