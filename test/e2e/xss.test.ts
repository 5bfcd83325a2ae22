/**
 * XSS, end to end: every payload of test/fixtures/xss-payloads.ts is posted through the real
 * API as a comment's name and message, then the built widget renders the thread in headless
 * Chromium on a second origin. Nothing may run (the canary `window.__xss` stays unset and no
 * dialog opens), each comment shows exactly the stored text, the comment subtree holds only the
 * elements the list itself renders, and every link is http(s).
 *
 * It runs twice: on the publisher page with the strict CSP (how we recommend embedding), and
 * on a page whose policy allows inline script — there the CSP would not save the reader, so the
 * canary really tests the widget's rendering.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.js';
import { startStack, type Stack } from './harness.js';

interface Rendered {
  id: string;
  name: string;
  message: string;
  /** Tag names inside the message, other than p, br, a. */
  foreignInMessage: string[];
  /** Element children of the name. */
  nameElements: number;
}

/** The name rules: one line, ≤ 80 characters, no control characters. */
function nameFor(text: string): string {
  // Names may not carry direction overrides or isolates (the server refuses them, #20.5);
  // messages still do, so the payload reaches the page there.
  const line = text
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(line).slice(0, 80).join('').trim() || 'x';
}

/** What the list shows for a stored message: paragraphs at blank lines, lines inside. */
function shownMessage(stored: string): string {
  return stored
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter(Boolean)
    .join('\n\n');
}

async function renderedComments(page: Page): Promise<Rendered[]> {
  return page.evaluate(() => {
    const list =
      document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-list') ??
      document.querySelector('comment-list');
    const root = list?.shadowRoot;
    if (!root) return [];
    const textOf = (el: Element): string => {
      let out = '';
      for (const node of Array.from(el.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) out += (node as Text).data;
        else if (node instanceof HTMLBRElement) out += '\n';
        else if (node instanceof HTMLElement) out += textOf(node);
      }
      return out;
    };
    return Array.from(root.querySelectorAll('article[part~="comment"]')).map((article) => {
      const message = article.querySelector('.message')!;
      const paragraphs = Array.from(message.querySelectorAll(':scope > p'));
      const foreign = Array.from(message.querySelectorAll('*'))
        .map((e) => e.localName)
        .filter((n) => !['p', 'br', 'a'].includes(n));
      const name = article.querySelector('.name')!;
      return {
        id: article.getAttribute('data-id') ?? '',
        name: name.textContent ?? '',
        message: paragraphs.map(textOf).join('\n\n'),
        foreignInMessage: foreign,
        nameElements: name.children.length,
      };
    });
  });
}

/** Every URL-bearing attribute and every inline handler anywhere in the document and its shadow roots. */
async function urlsAndHandlers(page: Page): Promise<{ urls: string[]; handlers: string[]; canary: unknown }> {
  return page.evaluate(() => {
    const urls: string[] = [];
    const handlers: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) handlers.push(`${el.localName}[${attr.name}]`);
          if (
            ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.name.toLowerCase())
          ) {
            urls.push(`${el.localName} ${attr.name}=${attr.value}`);
          }
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { urls, handlers, canary: (window as unknown as { __xss?: unknown }).__xss };
  });
}

function suite(label: string, csp: ((ctx: { serverOrigin: string; pageOrigin: string }) => string) | undefined) {
  describe(`XSS corpus (${XSS_PAYLOADS.length} payloads) — ${label}`, { timeout: 180_000 }, () => {
    let stack: Stack;
    const thread = '/articles/xss';
    const stored = new Map<string, { payload: string; name: string; message: string }>();

    before(async () => {
      stack = await startStack({
        ...(csp ? { csp } : {}),
        pageHtml: (ctx) => `<main><article>
  <h1>Comments under attack</h1>
  <article-feedback endpoint="${ctx.apiUrl}" page-size="100"></article-feedback>
</article></main>`,
      });
      for (const [i, p] of XSS_PAYLOADS.entries()) {
        const res = await stack.postComment(thread, {
          name: nameFor(p.text),
          email: `x${i}@example.com`,
          message: p.text,
        });
        assert.equal(res.status, 201, `${p.id}: ${JSON.stringify(res.body)}`);
        const c = res.body.comment as { id: string; name: string; message: string };
        // The server keeps the text as sent (trimmed, NFC), escaping nothing.
        assert.equal(c.message, p.text.normalize('NFC').trim(), p.id);
        assert.equal(c.name, nameFor(p.text).normalize('NFC'), p.id);
        stored.set(c.id, { payload: p.id, name: c.name, message: c.message });
      }
    });
    after(async () => {
      await stack?.close();
    });

    it('nothing runs, every comment shows its literal text, only http(s) links', async () => {
      const page = await stack.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss().catch(() => {});
      });
      // tsx compiles this file with keepNames; the helpers inside page.evaluate call `__name`.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      await page.goto(stack.urlFor(thread));
      await page.waitForFunction(
        (n) => {
          const list = document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-list');
          return (list?.shadowRoot?.querySelectorAll('article[part~="comment"]').length ?? 0) >= n;
        },
        XSS_PAYLOADS.length,
        { timeout: 20_000 },
      );
      // Let any onerror/onload/ontoggle/animation handler have its chance.
      await page.waitForTimeout(1500);
      // Hover and focus every link: handlers hiding in attributes would fire now.
      for (const link of await page.locator('comment-list article[part~="comment"] a').all())
        await link.hover().catch(() => {});

      // First what matters most: nothing ran.
      const { urls, handlers, canary } = await urlsAndHandlers(page);
      assert.equal(canary, undefined, `a payload ran: window.__xss = ${String(canary)}`);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(handlers, [], 'inline event handlers in the DOM');
      const rendered = await renderedComments(page);
      assert.equal(rendered.length, XSS_PAYLOADS.length);
      let literal = 0;
      for (const r of rendered) {
        const s = stored.get(r.id);
        assert.ok(s, `unknown comment ${r.id}`);
        assert.equal(r.name, s.name, `${s.payload}: name`);
        assert.equal(r.nameElements, 0, `${s.payload}: elements in the name`);
        assert.equal(r.message, shownMessage(s.message), `${s.payload}: message`);
        assert.deepEqual(r.foreignInMessage, [], `${s.payload}: foreign elements in the message`);
        literal++;
      }

      const links = urls.filter((u) => u.startsWith('a href='));
      for (const u of links) assert.match(u, /^a href=https?:\/\//, u);
      assert.deepEqual(
        urls.filter((u) => /javascript:|vbscript:|data:text\/html/i.test(u)),
        [],
        'script-bearing URLs in the DOM',
      );
      // The bare URLs of the corpus did become links (and only their http(s) part).
      assert.ok(
        links.some((u) => u.startsWith('a href=https://example.com/')),
        `links: ${links.join(', ')}`,
      );
      // The hostile text never became an element anywhere in a rendered comment.
      const injected = await page.evaluate(() => {
        const list = document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-list');
        return Array.from(
          list?.shadowRoot?.querySelectorAll(
            'article[part~="comment"] :is(img, svg, math, iframe, object, embed, script, style, meta, base, marquee, video, source, details, form, template, input, textarea, title, b, body)',
          ) ?? [],
        ).map((e) => e.localName);
      });
      assert.deepEqual(injected, [], 'elements created from comment text');
      console.log(
        `# xss (${label}): ${XSS_PAYLOADS.length} payloads posted as name and message, ${literal} shown literally, 0 executed, ${dialogs.length} dialogs, ${links.length} links all http(s)`,
      );
      if (csp === undefined) assert.deepEqual(stack.cspViolations, []);
    });
  });
}

suite('strict CSP page', undefined);
suite('page allowing inline script', () => "default-src * 'unsafe-inline' 'unsafe-eval' data: blob:");
