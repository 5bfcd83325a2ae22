// A comment's formatted `body` (SPEC §6.1, #18) → Lit templates. Loaded on demand by the list
// (only when a comment on the page carries a body) and by the form's Preview; the server
// rendering imports `renderBody` directly. Pure: no state, no side effects, no strings as HTML.
import { html, type TemplateResult } from 'lit';
import { LINK_PROTOCOLS, type BodyBlock, type BodyInline, type CommentBody } from '../../../contract/body.js';

/**
 * Nesting beyond this renders as text. The server already stops at BODY_DEPTH_MAX (8); this
 * bound is for a body from any other backend, so a hostile tree cannot exhaust the stack.
 */
const DEPTH_MAX = 16;

/** A node as it may arrive from a backend: any shape. */
type AnyNode = { type?: unknown; text?: unknown; href?: unknown; children?: unknown; items?: unknown };

const nodes = (list: unknown): AnyNode[] =>
  Array.isArray(list) ? list.filter((n): n is AnyNode => !!n && typeof n === 'object') : [];

/**
 * The text of any node, for unknown node types and for nesting past DEPTH_MAX: its `text`, else
 * its children's and items' text. Iterative, so depth costs no stack.
 */
export function textOf(node: unknown): string {
  let out = '';
  const stack: unknown[] = [node];
  while (stack.length) {
    const next = stack.pop();
    if (Array.isArray(next)) {
      for (let i = next.length; i--;) stack.push(next[i]);
    } else if (next && typeof next === 'object') {
      const { type, text, children, items } = next as AnyNode;
      if (type === 'break') out += '\n';
      else if (typeof text === 'string') out += text;
      else stack.push(children, items);
    }
  }
  return out;
}

/**
 * The link target to render, or null: an absolute URL whose parsed scheme is http:, https: or
 * mailto:. The server checked it already; this is checked again here, against any backend.
 */
export function safeLink(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  try {
    const url = new URL(href);
    return LINK_PROTOCOLS.includes(url.protocol.toLowerCase()) ? url.href : null;
  } catch {
    return null;
  }
}

/** `inLink`: inside a link, where another link (which no parser makes) shows only its words. */
function inline(node: AnyNode, depth: number, inLink = false): TemplateResult | string {
  const children = (linked = inLink) => nodes(node.children).map((child) => inline(child, depth + 1, linked));
  const text = typeof node.text === 'string' ? node.text : '';
  if (depth > DEPTH_MAX) return textOf(node);
  switch (node.type as BodyInline['type']) {
    case 'text':
      return text;
    case 'break':
      return html`<br />`;
    case 'code':
      return html`<code>${text}</code>`;
    case 'strong':
      return html`<strong>${children()}</strong>`;
    case 'emphasis':
      return html`<em>${children()}</em>`;
    case 'link': {
      const href = inLink ? null : safeLink(node.href);
      // A refused target keeps its words, as plain text.
      return href
        ? html`<a href=${href} rel="nofollow ugc noopener" target="_blank">${children(true)}</a>`
        : html`${children()}`;
    }
    default:
      return textOf(node);
  }
}

function block(node: AnyNode, depth: number): TemplateResult {
  const text = typeof node.text === 'string' ? node.text : '';
  if (depth > DEPTH_MAX) return html`<p>${textOf(node)}</p>`;
  switch (node.type as BodyBlock['type']) {
    case 'paragraph':
      return html`<p>${nodes(node.children).map((child) => inline(child, depth + 1))}</p>`;
    case 'quote':
      return html`<blockquote>${blocks(node.children, depth + 1)}</blockquote>`;
    case 'list': {
      const items = (Array.isArray(node.items) ? node.items : []).map(
        (item) => html`<li>${blocks(item, depth + 1)}</li>`,
      );
      return (node as Partial<{ ordered: unknown }>).ordered === true
        ? html`<ol>
            ${items}
          </ol>`
        : html`<ul>
            ${items}
          </ul>`;
    }
    case 'code':
      return html`<pre><code>${text}</code></pre>`;
    default:
      // An unknown block: its text, as a paragraph.
      return html`<p>${textOf(node)}</p>`;
  }
}

const blocks = (list: unknown, depth: number) => nodes(list).map((node) => block(node, depth));

/**
 * The blocks of a comment's body as templates: paragraphs, quotes, lists, code; inside them text,
 * strong, emphasis, code, links (`rel="nofollow ugc noopener"`, http/https/mailto only) and
 * line breaks. Unknown node types show their text. Every string is rendered as text.
 */
export function renderBody(body: CommentBody | readonly unknown[]): TemplateResult {
  return html`${blocks(body, 0)}`;
}
