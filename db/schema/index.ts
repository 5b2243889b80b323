export * from './agents';
export * from './tasks';
export * from './auth';
export * from './metrics';
export * from './routing';
export * from './breakers';
export * from './pools';
export * from './events';
