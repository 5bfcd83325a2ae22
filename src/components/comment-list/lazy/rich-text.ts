// The list's and the form's way to the body renderer (#18): loaded on demand, it adds the
// styles of quotes, code and lists to the element and hands back `renderBody`.
import type { TemplateResult } from 'lit';
import type { CommentBody } from '../../../contract/body.js';
import { adoptOnce } from '../../shared/adopt-once.js';
import { renderBody } from './body.js';
import { bodyStyles } from './body.styles.js';

/** `renderBody`, with its styles added to `element`'s shadow root. */
export function richTextFor(element: Element): (body: CommentBody) => TemplateResult {
  adoptOnce(element, bodyStyles);
  return renderBody;
}
