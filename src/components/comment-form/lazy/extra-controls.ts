/**
 * The controls the form adds on the reader's first touch, as one on-demand module (one request,
 * one hook in the bundle): "Email me when someone replies" (#16, offered only when the server
 * sends email) and Preview with the formatting help (#18).
 */
export { field, offer } from './notify.js';
export { controls } from './formatting.js';
