export * from './event-producer';
export * from './service-under-test';
export * from './events';
