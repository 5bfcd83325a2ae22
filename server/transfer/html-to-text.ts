/**
 * A source's comment HTML → our comment text, which the widget shows as text only (paragraphs at
 * blank lines, line breaks, bare http(s) URLs made links). Paragraphs and line breaks are kept,
 * a link becomes its URL (after its words when they differ: "the report (https://…)"), entities
 * are decoded, and every other tag is dropped; what a script, style or embedded frame holds is
 * dropped with it. Nothing here builds HTML: the result is stored as text and stays inert.
 *
 * A small tolerant scanner, not a browser's parser: comment HTML is a handful of inline tags, and
 * a `<` that does not start a tag ("a < b") stays text.
 */

export interface TextOptions {
  /**
   * `html`: white space collapses as in a browser; only tags break lines (Disqus, Remark42).
   * `text`: line breaks in the source are the author's own, blank lines separate paragraphs,
   * tags may appear too (WordPress stores comments so and adds paragraphs when it shows them;
   * Isso stores what the reader typed).
   */
  whitespace: 'html' | 'text';
}

/** Elements whose content is never text for a reader. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg']);
/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'section',
  'article',
  'figure',
  'hr',
  'dl',
  'dt',
  'dd',
]);

// A tag, a comment, a doctype/processing instruction; group 1 = "/" for an end tag, 2 = name, 3 = attributes.
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<([/]?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<[!?][^>]*>/g;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Converts, then tidies: no trailing spaces, at most one blank line between paragraphs. */
export function htmlToText(source: string, options: TextOptions): string {
  // Paragraph and line breaks are markers until the end, so collapsing white space cannot eat them.
  const LINE = '\u0001';
  const PARAGRAPH = '\u0002';
  let out = '';
  let dropping: string | null = null;
  let preDepth = 0;
  /** Open links: where their words start in `out`, and their target. */
  const links: { start: number; href: string | null }[] = [];

  const addText = (raw: string) => {
    let text = decodeEntities(raw);
    if (options.whitespace === 'text' || preDepth > 0) {
      text = text
        .replace(/\r\n?/g, '\n')
        .replace(/\n[ \t]*\n\s*/g, PARAGRAPH)
        .replace(/\n/g, LINE);
    }
    out += text;
  };

  let last = 0;
  for (const match of source.matchAll(MARKUP)) {
    const [whole, slash, rawName, attributes] = match;
    const before = source.slice(last, match.index);
    last = match.index + whole.length;
    if (dropping) {
      if (slash && rawName?.toLowerCase() === dropping) dropping = null;
      continue;
    }
    addText(before);
    if (!rawName) continue; // a comment or a doctype
    const name = rawName.toLowerCase();
    const closing = slash === '/';
    if (!closing && DROPPED_WITH_CONTENT.has(name)) {
      if (!/\/\s*$/.test(attributes ?? '')) dropping = name;
      continue;
    }
    if (name === 'br') out += LINE;
    else if (BLOCKS.has(name)) {
      out += PARAGRAPH;
      if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    } else if (name === 'a') {
      if (!closing) links.push({ start: out.length, href: linkTarget(attributes ?? '') });
      else {
        const link = links.pop();
        if (link?.href) {
          const words = out.slice(link.start).trim();
          if (words === '' || sameUrl(words, link.href)) out = out.slice(0, link.start) + link.href;
          else out += ` (${link.href})`;
        }
      }
    }
  }
  if (!dropping) addText(source.slice(last));

  if (options.whitespace === 'html') out = out.replace(/\s+/g, ' ');
  return out
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split(LINE)
        .map((line) => (options.whitespace === 'html' ? line.trim() : line.replace(/[ \t]+$/, '')))
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((paragraph) => paragraph.trim() !== '')
    .join('\n\n')
    .trim();
}

/** A link's target when it is one a reader may follow (http, https, mailto); else null. */
function linkTarget(attributes: string): string | null {
  const match = HREF.exec(attributes);
  if (!match) return null;
  const href = decodeEntities(match[1] ?? match[2] ?? match[3] ?? '').trim();
  try {
    const url = new URL(href);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (url.protocol === 'mailto:') return url.pathname;
  } catch {
    /* relative or malformed: not kept */
  }
  return null;
}

function sameUrl(words: string, href: string): boolean {
  const strip = (s: string) => s.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return strip(words) === strip(href) || (href.startsWith(words.replace(/…$|\.\.\.$/, '')) && words.length > 10);
}

// The named entities of HTML 4 that comment text uses (HTML5's full list is 2,000 names, nearly
// all mathematical). Unknown names stay as written.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['ndash', '–'],
  ['mdash', '—'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['sbquo', '‚'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bdquo', '„'],
  ['hellip', '…'],
  ['bull', '•'],
  ['euro', '€'],
  ['trade', '™'],
  ['dagger', '†'],
  ['Dagger', '‡'],
  ['permil', '‰'],
  ['lsaquo', '‹'],
  ['rsaquo', '›'],
  ['OElig', 'Œ'],
  ['oelig', 'œ'],
  ['Scaron', 'Š'],
  ['scaron', 'š'],
  ['Yuml', 'Ÿ'],
  ['fnof', 'ƒ'],
  ['circ', 'ˆ'],
  ['tilde', '˜'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['zwnj', '\u200C'],
  ['zwj', '\u200D'],
  ['larr', '←'],
  ['rarr', '→'],
  ['uarr', '↑'],
  ['darr', '↓'],
  ['hearts', '♥'],
  ['minus', '−'],
  ...LATIN1.split(' ').map((name, i): [string, string] => [name, String.fromCodePoint(160 + i)]),
]);

/** Decodes numeric and named character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g,
    (whole, dec, hex, name) => {
      if (name !== undefined) return NAMED.get(name) ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
      // NUL, surrogates and out-of-range code points become U+FFFD, as a browser does.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    },
  );
}
