export * from './data-source';
export * from './migrate';
export * from './transient-error';
export { MessagingInboxOutbox1763800000000 } from './migrations/1763800000000-messaging-inbox-outbox';
export { OutboxLeanRows1766400000000 } from './migrations/1766400000000-outbox-lean-rows';
export { OutboxBatches1766700000000 } from './migrations/1766700000000-outbox-batches';
import { MessagingInboxOutbox1763800000000 } from './migrations/1763800000000-messaging-inbox-outbox';
import { OutboxLeanRows1766400000000 } from './migrations/1766400000000-outbox-lean-rows';
import { OutboxBatches1766700000000 } from './migrations/1766700000000-outbox-batches';

/** The inbox/outbox migrations every service runs before its own (list them first). */
export const MESSAGING_MIGRATIONS = [
  MessagingInboxOutbox1763800000000,
  OutboxLeanRows1766400000000,
  OutboxBatches1766700000000,
];
export { PersistenceModule, PostgresHealth } from './nest/persistence.module';
