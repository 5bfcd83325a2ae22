// The script-tag bundle: every class, registered.
import './define.js';
export * from './index.js';
