export * from './limits.js';
export * from './keys.js';
export * from './schemas.js';
