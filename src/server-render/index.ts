// `article-feedback/server` (#19): server rendering of the block, for frameworks and CMSs.
export { renderFeedback } from './render-feedback.js';
export type { FeedbackSource, RenderedFeedback, RenderFeedbackOptions } from './render-feedback.js';
export { scriptJson } from './structured-data.js';
export { styleHashes } from './csp.js';
