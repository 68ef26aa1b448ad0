export * from './api-error';
export * from './contract.types';
export * from './health.api';
export * from './http-client';
export * from './query-keys';
export * from './runs.api';
export * from './workflows.api';
export * from './test.api';
