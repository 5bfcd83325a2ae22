/**
 * The Markdown subset → `body` (SPEC §6.1, issue #18): every node type, the attack corpus
 * ending as inert text, and parse time that grows linearly with the input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import {
  bodySchema,
  BODY_DEPTH_MAX,
  type BodyBlock,
  type BodyInline,
  type CommentBody,
} from '../../src/contract/schemas.js';
import { formattedBody, messageToBody } from '../../src/markdown/to-body.js';

const INLINE_TYPES = new Set(['text', 'strong', 'emphasis', 'code', 'link', 'break']);
const BLOCK_TYPES = new Set(['paragraph', 'quote', 'list', 'code']);

/** Every node of a body, with its depth in containers; iterative (deep trees must not recurse here either). */
function nodesOf(body: CommentBody): { node: BodyBlock | BodyInline; block: boolean; depth: number }[] {
  const out: { node: BodyBlock | BodyInline; block: boolean; depth: number }[] = [];
  const stack = body.map((node) => ({ node: node as BodyBlock | BodyInline, block: true, depth: 0 }));
  while (stack.length) {
    const entry = stack.pop()!;
    out.push(entry);
    const { node, block, depth } = entry;
    if (block && node.type === 'paragraph') for (const c of node.children) stack.push({ node: c, block: false, depth });
    else if (block && node.type === 'quote')
      for (const c of node.children) stack.push({ node: c, block: true, depth: depth + 1 });
    else if (block && node.type === 'list')
      for (const item of node.items) for (const c of item) stack.push({ node: c, block: true, depth: depth + 1 });
    else if (!block && (node.type === 'strong' || node.type === 'emphasis' || node.type === 'link'))
      for (const c of node.children) stack.push({ node: c, block: false, depth: depth + 1 });
  }
  return out;
}

/** What every body must be: the contract's closed set, safe hrefs, bounded depth. */
function assertInert(body: CommentBody): void {
  assert.ok(z.safeParse(bodySchema, body).success, 'the body matches the contract schema');
  for (const { node, block, depth } of nodesOf(body)) {
    assert.ok((block ? BLOCK_TYPES : INLINE_TYPES).has(node.type), `node type ${node.type}`);
    assert.ok(depth <= BODY_DEPTH_MAX, `depth ${depth}`);
    if (node.type === 'link') assert.match(node.href, /^(https?:\/\/|mailto:)/, `href ${node.href}`);
  }
}

/** The text a reader sees, links marked as [text](href). */
function shown(body: CommentBody): string {
  const inline = (nodes: BodyInline[]): string =>
    nodes
      .map((n) =>
        n.type === 'text' || n.type === 'code'
          ? n.text
          : n.type === 'break'
            ? '\n'
            : n.type === 'link'
              ? `[${inline(n.children)}](${n.href})`
              : inline(n.children),
      )
      .join('');
  const blocks = (nodes: BodyBlock[]): string =>
    nodes
      .map((b) =>
        b.type === 'paragraph'
          ? inline(b.children)
          : b.type === 'code'
            ? b.text
            : b.type === 'quote'
              ? blocks(b.children)
              : b.items.map(blocks).join('\n'),
      )
      .join('\n\n');
  return blocks(body);
}

const links = (body: CommentBody) => nodesOf(body).flatMap(({ node }) => (node.type === 'link' ? [node.href] : []));
const text = (t: string): BodyInline => ({ type: 'text', text: t });
const para = (...children: BodyInline[]): BodyBlock => ({ type: 'paragraph', children });

describe('the Markdown subset', () => {
  it('paragraphs, line breaks, strong, emphasis and inline code', () => {
    assert.deepEqual(messageToBody('One **strong** and *soft* and _also_ and `x < y`\nnext line\n\nSecond'), [
      para(
        text('One '),
        { type: 'strong', children: [text('strong')] },
        text(' and '),
        { type: 'emphasis', children: [text('soft')] },
        text(' and '),
        { type: 'emphasis', children: [text('also')] },
        text(' and '),
        { type: 'code', text: 'x < y' },
        { type: 'break' },
        text('next line'),
      ),
      para(text('Second')),
    ]);
  });

  it('fenced code blocks keep their text verbatim, markup and all', () => {
    assert.deepEqual(messageToBody('```js\nconst a = **b** <script>\n\n  indented\n```\nafter'), [
      { type: 'code', text: 'const a = **b** <script>\n\n  indented' },
      para(text('after')),
    ]);
  });

  it('quotes (with a lazy line) and nested lists, ordered and not', () => {
    assert.deepEqual(messageToBody('> quoted\nlazy\n\n- a\n- b\n  1. one\n  2. two'), [
      { type: 'quote', children: [para(text('quoted'), { type: 'break' }, text('lazy'))] },
      {
        type: 'list',
        ordered: false,
        items: [
          [para(text('a'))],
          [para(text('b')), { type: 'list', ordered: true, items: [[para(text('one'))], [para(text('two'))]] }],
        ],
      },
    ]);
  });

  it('links to http, https and mailto, and bare URLs without their trailing punctuation', () => {
    const body = messageToBody(
      '[site](https://example.org/a?b=1) [mail](mailto:ada@example.org) see https://example.org/x_(y). and www.example.com, (http://a.example/b)',
    );
    assert.deepEqual(
      links(body).sort(),
      [
        'https://example.org/a?b=1',
        'mailto:ada@example.org',
        'https://example.org/x_(y)',
        'http://www.example.com/',
        'http://a.example/b',
      ].sort(),
    );
    assert.equal(
      shown(body),
      '[site](https://example.org/a?b=1) [mail](mailto:ada@example.org) see [https://example.org/x_(y)](https://example.org/x_(y)). and [www.example.com](http://www.example.com/), ([http://a.example/b](http://a.example/b))',
    );
    assertInert(body);
  });

  it('escapes make markup literal, and underscores inside words stay text', () => {
    assert.deepEqual(messageToBody('\\*not emphasis\\* snake_case_name'), [
      para(text('*not emphasis* snake_case_name')),
    ]);
  });

  it('a message without formatting needs no body; one with formatting does', () => {
    assert.equal(formattedBody('Just text.\nOn two lines.\n\nAnd a paragraph.'), undefined);
    assert.deepEqual(formattedBody('Some *emphasis*'), [
      para(text('Some '), { type: 'emphasis', children: [text('emphasis')] }),
    ]);
    assert.ok(formattedBody('see https://example.org'), 'a bare URL becomes a link');
  });
});

describe('Markdown attacks end as inert text', () => {
  const corpus: [string, string][] = [
    ['[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))', '[x](JaVaScRiPt:alert(1))'],
    ['[x]( javascript:alert(1) )', '[x]( javascript:alert(1) )'],
    ['[x](java\tscript:alert(1))', '[x](java\tscript:alert(1))'],
    ['[x](&#106;avascript:alert(1))', '[x](&#106;avascript:alert(1))'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', '[x](data:text/html;base64,PHNjcmlwdD4=)'],
    ['[x](vbscript:msgbox(1))', '[x](vbscript:msgbox(1))'],
    ['[x](//evil.example/path)', '[x](//evil.example/path)'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<div onclick="alert(1)">\nhi\n</div>', '<div onclick="alert(1)">\nhi\n</div>'],
    ['a <img src=x onerror=alert(1)> b', 'a <img src=x onerror=alert(1)> b'],
    ['[x][r]\n\n[r]: javascript:alert(1)', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['[r]\n\n[r]: https://example.org', '[r]\n\n[r]: [https://example.org](https://example.org/)'],
    ['<javascript:alert(1)>', '<javascript:alert(1)>'],
    ['<https://example.org>', '<[https://example.org](https://example.org/)>'],
    ['![alt](javascript:alert(1))', '![alt](javascript:alert(1))'],
    ['# Heading\n\n| a | b |\n|---|---|', '# Heading\n\n| a | b |\n|---|---|'],
    ['[a](https://ok.example "title")', '[a]([https://ok.example](https://ok.example/) "title")'],
  ];
  for (const [input, expected] of corpus) {
    it(JSON.stringify(input), () => {
      const body = messageToBody(input);
      assertInert(body);
      assert.equal(shown(body), expected);
    });
  }

  it('nested emphasis 10,000 deep: bounded depth, all the text kept', () => {
    const input = '*a '.repeat(10_000) + 'x' + ' a*'.repeat(10_000);
    const body = messageToBody(input);
    assertInert(body);
    const seen = shown(body);
    assert.equal(seen.split('a').length - 1, 20_000, 'every letter is still there');
    assert.ok(seen.includes('x'));
    const deep = '*'.repeat(10_000) + 'x' + '*'.repeat(10_000);
    const deepBody = messageToBody(deep);
    assertInert(deepBody);
    assert.ok(shown(deepBody).includes('x'));
  });

  it('5,000 unclosed brackets (and 5,000 "[a](" openings) stay text', () => {
    const brackets = messageToBody('['.repeat(5_000) + 'x');
    assertInert(brackets);
    assert.equal(shown(brackets), '['.repeat(5_000) + 'x');
    const openings = messageToBody('[a]('.repeat(5_000));
    assertInert(openings);
    assert.equal(shown(openings), '[a]('.repeat(5_000));
  });

  it('nesting past the bound (quotes, lists, emphasis) keeps its text', () => {
    for (const input of [
      '> '.repeat(50) + 'deep',
      '- '.repeat(50) + 'deep',
      '**a '.repeat(50) + 'deep' + ' a**'.repeat(50),
    ]) {
      const body = messageToBody(input);
      assertInert(body);
      assert.ok(shown(body).includes('deep'), input.slice(0, 20));
    }
  });

  it('parse time grows linearly: 8× the input takes well under 24× the time', () => {
    const cpuMs = (f: () => void) => {
      const start = process.cpuUsage();
      f();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const shapes = [
      '*a ',
      ' a*',
      '[',
      ']',
      '[a](',
      '[](',
      '\\*',
      'a_',
      '`a',
      '- ',
      '> ',
      '*a [b _c `d ',
      'https://a.',
      'x ',
    ];
    for (const unit of shapes) {
      messageToBody(unit.repeat(500)); // warm up
      const [small, large] = [1_250, 10_000].map((n) => {
        const input = unit.repeat(n);
        return Math.min(
          cpuMs(() => messageToBody(input)),
          cpuMs(() => messageToBody(input)),
          cpuMs(() => messageToBody(input)),
        );
      });
      // A quadratic parser takes 64× here; 24× leaves room for a busy machine's noise.
      assert.ok(
        large! < Math.max(small!, 2) * 24,
        `${JSON.stringify(unit)}: ${small!.toFixed(1)} ms → ${large!.toFixed(1)} ms`,
      );
      assert.ok(
        large! < 1000,
        `${JSON.stringify(unit)}: ${large!.toFixed(1)} ms for ${10_000 * unit.length} characters`,
      );
    }
  });
});
