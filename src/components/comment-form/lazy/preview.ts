// The form's Preview and its formatting help (#18): the same parser the server uses
// (src/markdown/to-body.ts) and the same renderer the list uses, so the preview shows exactly
// what the comment will look like. Loaded on demand by ./formatting.ts.
import type { TemplateResult } from 'lit';
import { messageToBody } from '../../../markdown/to-body.js';
import { richTextFor } from '../../comment-list/lazy/rich-text.js';

/** `message` as the list will show it once posted, with the body styles added to `element`. */
export function renderMessage(element: Element, message: string): TemplateResult {
  return richTextFor(element)(messageToBody(message));
}
