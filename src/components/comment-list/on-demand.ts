import { onDemand } from '../shared/on-demand.js';

// The list's on-demand modules (#18), shared with the take-over of a server-rendered block
// (#19, article-feedback/take-over.ts), which may load them before the list exists: one
// promise each, so the list finds a module the take-over waited for already resolved.

/** The renderer of formatted bodies: loaded when a comment on the page carries a `body`. */
export const loadRichText = onDemand(() => import('./lazy/rich-text.js'));
/** Votes, "edited", editing and deleting one's own comment: loaded with the list's first request. */
export const loadReader = onDemand(() => import('./lazy/reader.js'));
