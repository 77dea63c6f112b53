export * from './data-source';
export * from './migrate';
export * from './db-error';
export { MessagingBaseline1763800000000 } from './migrations/1763800000000-messaging-baseline';
import { MessagingBaseline1763800000000 } from './migrations/1763800000000-messaging-baseline';

/** The inbox/outbox migrations every service runs before its own (list them first). */
export const MESSAGING_MIGRATIONS = [MessagingBaseline1763800000000];
export { PersistenceModule, PostgresHealth } from './nest/persistence.module';
