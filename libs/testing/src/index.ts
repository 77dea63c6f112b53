export * from './env';
export * from './wait-for';
export * from './stack';
export * from './topics';
export * from './database';
export * from './topic-reader';
export * from './child-process';
export * from './cpu-usage';
