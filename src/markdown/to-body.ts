/**
 * A comment's message → its formatted `body` (SPEC §6.1). Runs on the server (on write) and in
 * the browser (the form's Preview, loaded on demand), so both show the same tree.
 *
 * The subset: paragraphs, line breaks (every line break the reader typed), `**strong**`,
 * `*emphasis*` (and `__`/`_`), `` `code` ``, fenced code blocks, `> quotes`, lists, links
 * `[text](url)` and bare `http://`, `https://` and `www.` URLs, with only `http:`, `https:` and
 * `mailto:` targets. Everything else stays the text the reader typed: HTML, headings, images,
 * reference-style links, `<…>` autolinks, tables, link titles, entities are simply not syntax
 * here, and a link to any other scheme stays its source text. Emphasis follows CommonMark's
 * delimiter rules (flanking, the rule of three).
 *
 * Why our own parser and not micromark (`mdast-util-from-markdown`): measured on micromark 4.0.3
 * with the GFM autolink extension, nested emphasis, runs of escapes, brackets and one-line nested
 * lists take time growing with the square of the input (8× the input, 10–20× the time), and
 * deeply nested lists overflow the stack in the autolink transform. A comment box must not be a
 * way to stall the server, so this parser is linear by construction:
 * - blocks: each nesting level rescans only its own lines, and nesting stops at BODY_DEPTH_MAX
 *   (deeper text stays literal), so the work is at most BODY_DEPTH_MAX passes over the message;
 * - inlines: one left-to-right scan; code spans find their closer through a precomputed index of
 *   backtick runs; emphasis uses CommonMark's delimiter stack with its `openers_bottom` bound;
 *   a link destination is read up to whitespace or 32 nested parentheses; links wrap nodes of a
 *   linked list, so each node moves into a parent at most once.
 * Nothing here produces HTML: the result is data, a closed set of node types, text in leaves.
 */
import { BODY_DEPTH_MAX, LINK_PROTOCOLS, type BodyBlock, type BodyInline, type CommentBody } from '../contract/body.js';

/** The URL a link may point to, or null: absolute, and its parsed scheme one of LINK_PROTOCOLS. */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // The URL parser lower-cases the scheme and drops leading control characters and spaces, so
  // `JaVaScRiPt:` and `\u0001javascript:` are judged as what a browser would run.
  return LINK_PROTOCOLS.includes(parsed.protocol.toLowerCase()) ? parsed.href : null;
}

/** Parses a message into the body tree (always a tree; `formattedBody` omits a plain one). */
export function messageToBody(message: string): CommentBody {
  const lines = message.split(/\r\n?|\n/).map(expandLeadingTabs);
  return parseBlocks(lines, 0);
}

/**
 * The body to send with a comment, or undefined when the message has no formatting: plain
 * paragraphs whose text is the message itself add nothing to `message` (SPEC §6.1: a client
 * shows a comment without `body` as plain text).
 */
export function formattedBody(message: string): CommentBody | undefined {
  const body = messageToBody(message);
  return isPlain(body, message) ? undefined : body;
}

function isPlain(body: CommentBody, message: string): boolean {
  const paragraphs: string[] = [];
  for (const block of body) {
    if (block.type !== 'paragraph') return false;
    let text = '';
    for (const inline of block.children) {
      if (inline.type === 'text') text += inline.text;
      else if (inline.type === 'break') text += '\n';
      else return false;
    }
    paragraphs.push(text);
  }
  return paragraphs.join('\n\n') === message.trim().replace(/\r\n?/g, '\n');
}

// ---------------------------------------------------------------- blocks

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const QUOTE_MARKER = /^ {0,3}> ?/;
/** A list item's start: indentation, marker, then whitespace (or nothing: an empty item). */
const LIST_MARKER = /^( {0,3})([-+*]|\d{1,9}[.)])([ \t]+|$)/;
const BLANK = /^[ \t]*$/;

function expandLeadingTabs(line: string): string {
  return line.replace(/^[ \t]+/, (space) => space.replace(/\t/g, '    '));
}

function fenceOpening(line: string): RegExpExecArray | null {
  const fence = FENCE_OPEN.exec(line);
  // A backtick fence's info string may not contain a backtick (CommonMark).
  return fence && !(fence[2]!.startsWith('`') && fence[3]!.includes('`')) ? fence : null;
}

/** Whether a line starts a block that ends a paragraph (so it is not a lazy continuation). */
function startsBlock(line: string): boolean {
  if (QUOTE_MARKER.test(line) || fenceOpening(line)) return true;
  const item = LIST_MARKER.exec(line);
  // An empty item, or a numbered one not starting at 1, does not interrupt a paragraph.
  return item !== null && item[3] !== '' && (/^[-+*]$/.test(item[2]!) || /^1[.)]$/.test(item[2]!));
}

function literalParagraph(lines: readonly string[]): BodyBlock {
  return { type: 'paragraph', children: textLeaves(lines.map((l) => l.trim()).join('\n')) };
}

function parseBlocks(lines: readonly string[], depth: number): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }

    const fence = fenceOpening(line);
    if (fence) {
      const indent = fence[1]!.length;
      const marker = fence[2]!;
      const code: string[] = [];
      const fenceIndent = new RegExp(`^ {0,${indent}}`);
      for (i++; i < lines.length; i++) {
        const close = FENCE_CLOSE.exec(lines[i]!);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
          i++;
          break;
        }
        code.push(lines[i]!.replace(fenceIndent, ''));
      }
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }

    if (QUOTE_MARKER.test(line)) {
      const start = i;
      const inner: string[] = [];
      let lazyAllowed = false;
      while (i < lines.length) {
        const current = lines[i]!;
        const marker = QUOTE_MARKER.exec(current);
        if (marker) {
          const rest = current.slice(marker[0].length);
          inner.push(rest);
          lazyAllowed = !BLANK.test(rest) && !fenceOpening(rest);
        } else if (lazyAllowed && !BLANK.test(current) && !startsBlock(current)) {
          inner.push(current); // a paragraph's lazy continuation line
        } else break;
        i++;
      }
      blocks.push(
        depth >= BODY_DEPTH_MAX
          ? literalParagraph(lines.slice(start, i))
          : { type: 'quote', children: parseBlocks(inner, depth + 1) },
      );
      continue;
    }

    const first = LIST_MARKER.exec(line);
    if (first) {
      const start = i;
      const ordered = /\d/.test(first[2]!);
      const kind = first[2]!.slice(-1); // the bullet character or the number's delimiter
      const items: string[][] = [];
      let item: RegExpExecArray | null = first;
      while (item && item[2]!.slice(-1) === kind && /\d/.test(item[2]!) === ordered) {
        const space = item[3]!;
        // Content starts after the marker and its spaces; more than four spaces count as one.
        const contentIndent = space.length > 4 || space === '' ? item[1]!.length + item[2]!.length + 1 : item[0].length;
        const itemLines = [lines[i]!.slice(item[0].length)];
        let afterBlank = false;
        for (i++; i < lines.length; i++) {
          const current = lines[i]!;
          if (BLANK.test(current)) {
            itemLines.push('');
            afterBlank = true;
          } else if (/^ */.exec(current)![0].length >= contentIndent) {
            itemLines.push(current.slice(contentIndent));
            afterBlank = false;
          } else if (!afterBlank && !startsBlock(current) && !LIST_MARKER.test(current)) {
            itemLines.push(current); // lazy continuation of the item's paragraph
          } else break;
        }
        items.push(itemLines);
        item = i < lines.length ? LIST_MARKER.exec(lines[i]!) : null;
      }
      blocks.push(
        depth >= BODY_DEPTH_MAX
          ? literalParagraph(lines.slice(start, i))
          : { type: 'list', ordered, items: items.map((lines) => parseBlocks(lines, depth + 1)) },
      );
      continue;
    }

    const paragraph: string[] = [line.trim()];
    for (i++; i < lines.length && !BLANK.test(lines[i]!) && !startsBlock(lines[i]!); i++)
      paragraph.push(lines[i]!.trim());
    blocks.push({ type: 'paragraph', children: parseInlines(paragraph.join('\n'), depth) });
  }
  return blocks;
}

// ---------------------------------------------------------------- inlines

/** A node of the paragraph being parsed, in a doubly linked list (wrapping is then O(moved)). */
interface Node {
  kind: 'text' | 'code' | 'break' | 'link' | 'strong' | 'emphasis';
  /** text: the text; code: the code; link: the href; strong/emphasis: the delimiter (`**`, `_`). */
  value: string;
  children: Node[];
  prev: Node | null;
  next: Node | null;
}

/** An emphasis delimiter run (CommonMark's delimiter stack entry). */
interface Delimiter {
  node: Node;
  char: '*' | '_';
  count: number;
  originalCount: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

/** A `[` that may start a link. */
interface Bracket {
  node: Node;
  /** The top of the delimiter stack when it was pushed: emphasis inside the link stops there. */
  delimiterBelow: Delimiter | null;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** A bare URL at a position (sticky): the scheme or `www.`, then anything but space and `<>`. */
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>[\]]+/iy;
/** Trailing characters that end a sentence rather than a URL (GFM's rule). */
const URL_TRAILING = /[?!.,:*_~'";]/;
/** How deep parentheses in a link destination may nest (CommonMark implementations use 32). */
const DESTINATION_PARENS_MAX = 32;

class InlineParser {
  private head: Node = newNode('text', '');
  private tail: Node = this.head;
  private delimiters: Delimiter | null = null;
  private brackets: Bracket[] = [];
  /** Brackets below this stack height cannot open a link (a link formed after them: no links in links). */
  private bracketsActiveFrom = 0;
  private text = '';
  /** Positions of backtick runs by length, and how far each list has been passed. */
  private backtickRuns = new Map<number, { positions: number[]; next: number }>();

  constructor(private readonly source: string) {
    for (let i = 0; i < source.length;) {
      if (source[i] !== '`') {
        i++;
        continue;
      }
      let end = i;
      while (source[end] === '`') end++;
      const runs = this.backtickRuns.get(end - i) ?? { positions: [], next: 0 };
      runs.positions.push(i);
      this.backtickRuns.set(end - i, runs);
      i = end;
    }
  }

  parse(): Node[] {
    const s = this.source;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === '\\') {
        const next = s[i + 1];
        if (next === '\n') {
          this.append(newNode('break', ''));
          i += 2;
        } else if (next !== undefined && ASCII_PUNCTUATION.test(next)) {
          this.text += next;
          i += 2;
        } else {
          this.text += c;
          i++;
        }
      } else if (c === '\n') {
        this.append(newNode('break', ''));
        i++;
      } else if (c === '`') {
        i = this.codeSpan(i);
      } else if (c === '*' || c === '_') {
        i = this.delimiterRun(i, c);
      } else if (c === '[') {
        const node = this.append(newNode('text', '['));
        this.brackets.push({ node, delimiterBelow: this.delimiters });
        i++;
      } else if (c === ']') {
        i = this.closeBracket(i);
      } else if (c === '!' && s[i + 1] === '[') {
        // An image is not in the subset: `![` is text, and so is what follows.
        this.text += '![';
        i += 2;
      } else if ((c === 'h' || c === 'H' || c === 'w' || c === 'W') && !/[\p{L}\p{N}]/u.test(s[i - 1] ?? ' ')) {
        i = this.bareUrl(i);
      } else {
        this.text += c;
        i++;
      }
    }
    this.flushText();
    this.processEmphasis(null);
    const nodes: Node[] = [];
    for (let node = this.head.next; node; node = node.next) nodes.push(node);
    return nodes;
  }

  private flushText(): void {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    this.append(newNode('text', text));
  }

  private append(node: Node): Node {
    this.flushText();
    node.prev = this.tail;
    this.tail.next = node;
    this.tail = node;
    return node;
  }

  private codeSpan(start: number): number {
    const s = this.source;
    let end = start;
    while (s[end] === '`') end++;
    const length = end - start;
    // (A run after an escaped backtick may have a length no full run has.)
    const runs = this.backtickRuns.get(length) ?? { positions: [], next: 0 };
    while (runs.next < runs.positions.length && runs.positions[runs.next]! <= start) runs.next++;
    const closer = runs.positions[runs.next];
    if (closer === undefined) {
      this.text += s.slice(start, end); // no closing run of the same length: literal backticks
      return end;
    }
    let code = s.slice(end, closer).replace(/\n/g, ' ');
    // One space each side is padding (so a span can start or end with a backtick), unless all is space.
    if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && /[^ ]/.test(code)) code = code.slice(1, -1);
    this.append(newNode('code', code));
    return closer + length;
  }

  private delimiterRun(start: number, char: '*' | '_'): number {
    const s = this.source;
    let end = start;
    while (s[end] === char) end++;
    const before = s[start - 1] ?? ' ';
    const after = s[end] ?? ' ';
    const beforeSpace = WHITESPACE.test(before);
    const afterSpace = WHITESPACE.test(after);
    const beforePunct = PUNCTUATION.test(before);
    const afterPunct = PUNCTUATION.test(after);
    const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
    const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
    const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || beforePunct);
    const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || afterPunct);
    const node = this.append(newNode('text', s.slice(start, end)));
    if (canOpen || canClose) {
      const count = end - start;
      const delimiter: Delimiter = {
        node,
        char,
        count,
        originalCount: count,
        canOpen,
        canClose,
        prev: this.delimiters,
        next: null,
      };
      if (this.delimiters) this.delimiters.next = delimiter;
      this.delimiters = delimiter;
    }
    return end;
  }

  private closeBracket(at: number): number {
    const opener = this.brackets.pop();
    const active = this.brackets.length >= this.bracketsActiveFrom;
    if (this.bracketsActiveFrom > this.brackets.length) this.bracketsActiveFrom = this.brackets.length;
    const destination = opener && active ? this.linkDestination(at + 1) : null;
    const href = destination && safeHref(destination.url);
    if (!opener || !destination || !href) {
      // Not a link (or a link to a scheme outside the subset): `]` is text, and `(…)` is read on as text.
      this.text += ']';
      return at + 1;
    }
    this.flushText();
    this.processEmphasis(opener.delimiterBelow);
    const link = newNode('link', href);
    link.children = this.takeAfter(opener.node);
    this.replace(opener.node, link);
    // No links inside links: every `[` still open can no longer start one.
    this.bracketsActiveFrom = this.brackets.length;
    return destination.end;
  }

  /** `(url)` right after a `]`: the URL without escapes, and where the link's source ends. */
  private linkDestination(at: number): { url: string; end: number } | null {
    const s = this.source;
    if (s[at] !== '(') return null;
    let i = at + 1;
    while (s[i] === ' ' || s[i] === '\t') i++;
    let url = '';
    let depth = 0;
    for (; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\\' && i + 1 < s.length && ASCII_PUNCTUATION.test(s[i + 1]!)) {
        url += s[++i];
      } else if (c === '(') {
        if (++depth > DESTINATION_PARENS_MAX) return null;
        url += c;
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
        url += c;
      } else if (WHITESPACE.test(c) || c === '<' || c === '>') {
        break;
      } else url += c;
    }
    while (s[i] === ' ' || s[i] === '\t') i++;
    return s[i] === ')' && url !== '' ? { url, end: i + 1 } : null;
  }

  private bareUrl(start: number): number {
    BARE_URL.lastIndex = start;
    const match = BARE_URL.exec(this.source);
    if (!match) {
      this.text += this.source[start];
      return start + 1;
    }
    const matched = match[0];
    let open = 0;
    let close = 0;
    for (const c of matched) {
      if (c === '(') open++;
      else if (c === ')') close++;
    }
    // Trailing punctuation ends the sentence, and a `)` without its `(` closes the reader's own parenthesis.
    let end = matched.length;
    for (;;) {
      const last = matched[end - 1]!;
      if (URL_TRAILING.test(last)) end--;
      else if (last === ')' && close > open) {
        end--;
        close--;
      } else break;
    }
    const url = matched.slice(0, end);
    const href = /^www\./i.test(url) ? safeHref(`http://${url}`) : safeHref(url);
    if (!href || /^(?:https?:\/\/|www\.)$/i.test(url)) {
      this.text += url;
      return start + url.length;
    }
    const link = newNode('link', href);
    link.children = [newNode('text', url)];
    this.append(link);
    return start + url.length;
  }

  /** Removes and returns the nodes after `from` (to the end of the list). */
  private takeAfter(from: Node): Node[] {
    const taken: Node[] = [];
    for (let node = from.next; node; node = node.next) taken.push(node);
    from.next = null;
    this.tail = from;
    for (const node of taken) node.prev = node.next = null;
    return taken;
  }

  private replace(old: Node, by: Node): void {
    by.prev = old.prev;
    by.next = old.next;
    if (old.prev) old.prev.next = by;
    if (old.next) old.next.prev = by;
    else this.tail = by;
  }

  private removeDelimiter(d: Delimiter): void {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else this.delimiters = d.prev;
  }

  /** CommonMark's "process emphasis", from the delimiter after `bottom` to the top of the stack. */
  private processEmphasis(bottom: Delimiter | null): void {
    const openersBottom = new Map<string, Delimiter | null>();
    let closer = bottom ? bottom.next : this.firstDelimiter();
    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.originalCount % 3}`;
      const floor = openersBottom.has(key) ? openersBottom.get(key)! : bottom;
      let opener = closer.prev;
      while (opener && opener !== bottom && opener !== floor) {
        const oddMatch =
          (opener.canClose || closer.canOpen) &&
          (opener.originalCount + closer.originalCount) % 3 === 0 &&
          !(opener.originalCount % 3 === 0 && closer.originalCount % 3 === 0);
        if (opener.char === closer.char && opener.canOpen && !oddMatch) break;
        opener = opener.prev;
      }
      if (!opener || opener === bottom || opener === floor) {
        openersBottom.set(key, closer.prev);
        const next: Delimiter | null = closer.next;
        if (!closer.canOpen) this.removeDelimiter(closer);
        closer = next;
        continue;
      }
      const used = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
      opener.count -= used;
      closer.count -= used;
      opener.node.value = opener.node.value.slice(used);
      closer.node.value = closer.node.value.slice(used);
      // Wrap what lies between the two runs.
      const styled = newNode(used === 2 ? 'strong' : 'emphasis', opener.char.repeat(used));
      for (let node = opener.node.next; node && node !== closer.node;) {
        const next: Node | null = node.next;
        node.prev = node.next = null;
        styled.children.push(node);
        node = next;
      }
      styled.prev = opener.node;
      styled.next = closer.node;
      opener.node.next = styled;
      closer.node.prev = styled;
      // Delimiters between them can no longer match anything.
      opener.next = closer;
      closer.prev = opener;
      if (opener.count === 0) {
        this.unlink(opener.node);
        this.removeDelimiter(opener);
      }
      if (closer.count === 0) {
        const next: Delimiter | null = closer.next;
        this.unlink(closer.node);
        this.removeDelimiter(closer);
        closer = next;
      }
    }
    // What is left above the bottom is plain text now.
    while (this.delimiters && this.delimiters !== bottom) this.removeDelimiter(this.delimiters);
  }

  private firstDelimiter(): Delimiter | null {
    let d = this.delimiters;
    while (d?.prev) d = d.prev;
    return d;
  }

  private unlink(node: Node): void {
    if (node.prev) node.prev.next = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev!;
  }
}

function newNode(kind: Node['kind'], value: string): Node {
  return { kind, value, children: [], prev: null, next: null };
}

function parseInlines(text: string, depth: number): BodyInline[] {
  return toBody(new InlineParser(text).parse(), depth, false);
}

/** The parsed nodes as body inlines: too deep a node becomes its source text; no link in a link. */
function toBody(nodes: readonly Node[], depth: number, inLink: boolean): BodyInline[] {
  const out: BodyInline[] = [];
  const push = (inline: BodyInline) => {
    const last = out[out.length - 1];
    if (inline.type === 'text' && last?.type === 'text') last.text += inline.text;
    else out.push(inline);
  };
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        if (node.value !== '') push({ type: 'text', text: node.value });
        break;
      case 'code':
        push({ type: 'code', text: node.value });
        break;
      case 'break':
        push({ type: 'break' });
        break;
      case 'link':
        if (inLink) for (const inline of toBody(node.children, depth, true)) push(inline);
        else if (depth >= BODY_DEPTH_MAX) for (const inline of textLeaves(sourceText(node))) push(inline);
        else push({ type: 'link', href: node.value, children: toBody(node.children, depth + 1, true) });
        break;
      case 'strong':
      case 'emphasis':
        if (depth >= BODY_DEPTH_MAX) for (const inline of textLeaves(sourceText(node))) push(inline);
        else push({ type: node.kind, children: toBody(node.children, depth + 1, inLink) });
        break;
    }
  }
  return out;
}

/** The text a node was written as (near enough: escapes are gone), without recursion. */
function sourceText(root: Node): string {
  let out = '';
  const stack: (Node | string)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    switch (item.kind) {
      case 'text':
        out += item.value;
        break;
      case 'code':
        out += `\`${item.value}\``;
        break;
      case 'break':
        out += '\n';
        break;
      case 'link':
      case 'strong':
      case 'emphasis': {
        const [open, close] = item.kind === 'link' ? ['[', `](${item.value})`] : [item.value, item.value];
        stack.push(close);
        for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i]!);
        out += open;
        break;
      }
    }
  }
  return out;
}

/** Text as leaves: each line break the reader typed is kept as a `break`. */
function textLeaves(text: string): BodyInline[] {
  const out: BodyInline[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'break' });
    if (line !== '') out.push({ type: 'text', text: line });
  });
  return out;
}
