/**
 * The one error handler: every failure leaves as `{ error, message, fields? }` with no-store.
 * An `HttpError` says what the client sees; anything else becomes a 500 without internals.
 */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { errors, HttpError } from '../errors.js';

/** How often at most a note about aborted uploads is printed. */
const ABORT_NOTE_INTERVAL_MS = 60_000;

/**
 * A client that closes the connection before its body arrived (a closed tab, a lost network)
 * is not a server fault: Node rejects the read with "aborted" / ECONNRESET. It is worth one
 * line now and then, not a stack trace per occurrence (which an attacker could use to flood
 * the log).
 */
function isClientAbort(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return (
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    err.name === 'AbortError' ||
    (err.message === 'aborted' && code === undefined)
  );
}

/**
 * The app's error handling: `handler` for Hono, and `httpErrorOf` for the listener's fast path
 * (http/fast-post.ts), which answers with the same status, body and headers (`errorAnswer`).
 */
export function createErrorHandling(options: { now: () => number; log?: (line: string) => void }): {
  handler: ErrorHandler;
  httpErrorOf(err: unknown): HttpError;
} {
  const log = options.log ?? ((line: string) => console.error(line));
  let lastAbortNote = -Infinity;
  let abortsSinceNote = 0;

  const noteAbort = () => {
    abortsSinceNote += 1;
    const now = options.now();
    if (now - lastAbortNote < ABORT_NOTE_INTERVAL_MS) return;
    log(
      `[article-feedback] ${abortsSinceNote} request${abortsSinceNote === 1 ? '' : 's'} aborted by the client ` +
        `before the body arrived (at most one such line a minute)`,
    );
    lastAbortNote = now;
    abortsSinceNote = 0;
  };

  const httpErrorOf = (err: unknown): HttpError => {
    if (err instanceof HttpError) return err;
    if (err instanceof HTTPException && err.status === 413) return errors.payloadTooLarge();
    if (err instanceof HTTPException && err.status < 500)
      return new HttpError(err.status, 'bad_request', 'The request is not valid.');
    if (isClientAbort(err)) {
      noteAbort();
      // Nobody is listening any more; answer as for an incomplete request all the same.
      return errors.badRequest('The request body did not arrive in full.');
    }
    console.error('[article-feedback] unexpected error:', err);
    return errors.internal();
  };

  const handler: ErrorHandler = (err, c) => {
    const { status, body, headers } = errorAnswer(httpErrorOf(err));
    return c.body(body, status as 400, headers);
  };
  return { handler, httpErrorOf };
}

/** An error's answer: its status, its JSON body, and its headers (its own, e.g. Retry-After, and no-store). */
export function errorAnswer(error: HttpError): { status: number; body: string; headers: Record<string, string> } {
  return {
    status: error.status,
    body: JSON.stringify(error.body()),
    headers: { 'Content-Type': 'application/json', ...error.headers, 'Cache-Control': 'no-store' },
  };
}

export const handleNotFound: NotFoundHandler = (c) => c.json(errors.notFound().body(), 404);
