export * from './data-source';
export * from './migrate';
export * from './transient-error';
export { MessagingInboxOutbox1763800000000 } from './migrations/1763800000000-messaging-inbox-outbox';
export { OutboxDeleteOnPublish1766400000000 } from './migrations/1766400000000-outbox-delete-on-publish';
import { MessagingInboxOutbox1763800000000 } from './migrations/1763800000000-messaging-inbox-outbox';
import { OutboxDeleteOnPublish1766400000000 } from './migrations/1766400000000-outbox-delete-on-publish';

/** The inbox/outbox migrations every service runs before its own (list them first). */
export const MESSAGING_MIGRATIONS = [MessagingInboxOutbox1763800000000, OutboxDeleteOnPublish1766400000000];
export { PersistenceModule, PostgresHealth } from './nest/persistence.module';
