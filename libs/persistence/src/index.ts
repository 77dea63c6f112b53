export * from './data-source';
export * from './migrate';
export * from './transient-error';
export { MessagingInboxOutbox1763800000000 } from './migrations/1763800000000-messaging-inbox-outbox';
export { PersistenceModule, PostgresHealth } from './nest/persistence.module';
