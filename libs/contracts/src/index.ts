export * from './avro-schema';
export * from './headers';
export * from './topic-registry';
export * from './generated';
export * from './intake-topics';
export * from './lead-identity';
export * from './enum-symbols';
export * from './retention';
