/**
 * The formatted body of a comment (SPEC §6.1): the message parsed on the server into a tree of
 * a closed set of nodes, text only in leaves. Types only, plus the two rules both sides share
 * (which link targets exist, how deep a tree goes): the widget's renderer imports these without
 * carrying any schema code. The answer schema that validates a tree is `bodySchema` in
 * schemas.ts; the parser that makes one is `src/markdown/to-body.ts`.
 */

/** Inline leaf: plain text, shown as text (never as HTML). */
export interface BodyText {
  type: 'text';
  text: string;
}
/** `**strong**` or `*emphasis*`. */
export interface BodyStyled {
  type: 'strong' | 'emphasis';
  children: BodyInline[];
}
/** Inline `code`. */
export interface BodyInlineCode {
  type: 'code';
  text: string;
}
/** A link; `href` is always an absolute `http:`, `https:` or `mailto:` URL (LINK_PROTOCOLS). */
export interface BodyLink {
  type: 'link';
  href: string;
  children: BodyInline[];
}
/** A hard line break inside a paragraph. */
export interface BodyBreak {
  type: 'break';
}
export type BodyInline = BodyText | BodyStyled | BodyInlineCode | BodyLink | BodyBreak;

export interface BodyParagraph {
  type: 'paragraph';
  children: BodyInline[];
}
/** `> quoted` blocks. */
export interface BodyQuote {
  type: 'quote';
  children: BodyBlock[];
}
/** A list: each item is a list of blocks. */
export interface BodyList {
  type: 'list';
  ordered: boolean;
  items: BodyBlock[][];
}
/** A fenced (or indented) code block: its text, verbatim. */
export interface BodyCodeBlock {
  type: 'code';
  text: string;
}
export type BodyBlock = BodyParagraph | BodyQuote | BodyList | BodyCodeBlock;

/** `Comment.body`: the blocks of the message, in order. */
export type CommentBody = BodyBlock[];

/** The only URL schemes a link may have (compared lower-case, on the parsed URL). */
export const LINK_PROTOCOLS: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * How many container nodes (quote, list, strong, emphasis, link) may nest inside each other. A
 * deeper construct is kept as its source text, so a renderer's recursion stays shallow.
 */
export const BODY_DEPTH_MAX = 8;
