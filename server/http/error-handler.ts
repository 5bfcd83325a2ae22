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

export function createErrorHandler(options: { now: () => number; log?: (line: string) => void }): ErrorHandler {
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

  return (err, c) => {
    let httpError: HttpError;
    if (err instanceof HttpError) httpError = err;
    else if (err instanceof HTTPException && err.status === 413) httpError = errors.payloadTooLarge();
    else if (err instanceof HTTPException && err.status < 500)
      httpError = new HttpError(err.status, 'bad_request', 'The request is not valid.');
    else if (isClientAbort(err)) {
      noteAbort();
      // Nobody is listening any more; answer as for an incomplete request all the same.
      httpError = errors.badRequest('The request body did not arrive in full.');
    } else {
      console.error('[article-feedback] unexpected error:', err);
      httpError = errors.internal();
    }
    const res = c.json(httpError.body(), httpError.status as 400);
    for (const [name, value] of Object.entries(httpError.headers ?? {})) res.headers.set(name, value);
    res.headers.set('Cache-Control', 'no-store');
    return res;
  };
}

export const handleNotFound: NotFoundHandler = (c) => c.json(errors.notFound().body(), 404);
