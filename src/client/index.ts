export * from './api.js';
export * from './endpoint.js';
export * from './drafts.js';
export * from './voter.js';
export * from './pending.js';
export * from './storage.js';
