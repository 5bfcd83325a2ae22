/**
 * Opening an import file: a stream of text read a chunk at a time (never the whole file),
 * gunzipped when it is gzip (Remark42 writes its backups so), with the share of the file read so
 * far for the progress bar.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export interface InputFile {
  /** The file's text, a chunk at a time. */
  chunks: AsyncIterable<string>;
  /** Share of the file's bytes read so far (0–1). */
  fraction(): number;
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

export function openInput(file: string): InputFile {
  const size = statSync(file).size;
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  const gzip = isGzip(file);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => stream.destroy(error));
  return {
    chunks: (async function* () {
      const decoder = new StringDecoder('utf8');
      let first = true;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let text = decoder.write(chunk);
        // A byte-order mark is not part of the text.
        if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    })(),
    fraction: () => (size ? Math.min(1, raw.bytesRead / size) : 1),
  };
}

/** Lines of a text file, one at a time. */
export async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: string; number: number }> {
  let rest = '';
  let number = 0;
  for await (const chunk of chunks) {
    rest += chunk;
    let newline: number;
    while ((newline = rest.indexOf('\n')) >= 0) {
      number += 1;
      yield { line: rest.slice(0, newline).replace(/\r$/, ''), number };
      rest = rest.slice(newline + 1);
    }
  }
  if (rest !== '') yield { line: rest.replace(/\r$/, ''), number: number + 1 };
}
