/**
 * Streaming XML for the Disqus and WordPress importers: saxes reads the file a chunk at a time;
 * a format module sees each element's path and text and emits comments, which are handed on
 * after each chunk, so memory holds one chunk and the comments it completed.
 */
import { SaxesParser } from 'saxes';
import type { InputFile } from './input.js';

export interface ElementEnd {
  /** Element names from the root, this one last, as written (with prefixes: `wp:comment`). */
  path: readonly string[];
  name: string;
  /** The element's own text (character data and CDATA), untrimmed. */
  text: string;
}

export interface XmlHandlers<T> {
  open(path: readonly string[], name: string, attributes: Record<string, string>): void;
  close(element: ElementEnd, emit: (item: T) => void): void;
}

/** Prefix-free name ("wp:comment_id" → "comment_id"): exports differ in nothing else. */
export const local = (name: string) => name.slice(name.indexOf(':') + 1);

export async function* parseXml<T>(input: InputFile, label: string, handlers: XmlHandlers<T>): AsyncGenerator<T> {
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  // Text of the open elements, innermost last; only leaf text is used, so nested text is not copied.
  const texts: string[] = [];
  let ready: T[] = [];
  const emit = (item: T) => ready.push(item);
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    texts.push('');
    handlers.open(path, tag.name, tag.attributes as Record<string, string>);
  });
  const addText = (text: string) => {
    if (texts.length) texts[texts.length - 1] += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    handlers.close({ path, name: tag.name, text: texts[texts.length - 1] ?? '' }, emit);
    path.pop();
    texts.pop();
  });
  const feed = (chunk: string | null) => {
    try {
      if (chunk === null) parser.close();
      else parser.write(chunk);
    } catch (error) {
      throw new Error(`${label} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  };
  for await (const chunk of input.chunks) {
    feed(chunk);
    if (ready.length) {
      const items = ready;
      ready = [];
      yield* items;
    }
  }
  feed(null);
  yield* ready;
}
