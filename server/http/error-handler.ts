/**
 * The one error handler: every failure leaves as `{ error, message, fields? }` with no-store.
 * An `HttpError` says what the client sees; anything else becomes a 500 without internals.
 */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { errors, HttpError } from '../errors.js';

export const handleError: ErrorHandler = (err, c) => {
  let httpError: HttpError;
  if (err instanceof HttpError) httpError = err;
  else if (err instanceof HTTPException && err.status === 413) httpError = errors.payloadTooLarge();
  else if (err instanceof HTTPException && err.status < 500)
    httpError = new HttpError(err.status, 'bad_request', 'The request is not valid.');
  else {
    console.error('[article-feedback] unexpected error:', err);
    httpError = errors.internal();
  }
  const res = c.json(httpError.body(), httpError.status as 400);
  for (const [name, value] of Object.entries(httpError.headers ?? {})) res.headers.set(name, value);
  res.headers.set('Cache-Control', 'no-store');
  return res;
};

export const handleNotFound: NotFoundHandler = (c) => c.json(errors.notFound().body(), 404);
