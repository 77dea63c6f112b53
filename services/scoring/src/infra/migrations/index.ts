import { MessagingInboxOutbox1763800000000 } from '@smarketing/persistence';

/** Every migration of this service, in order. Committed migrations are never edited: add a new one. */
export const migrations = [MessagingInboxOutbox1763800000000];
