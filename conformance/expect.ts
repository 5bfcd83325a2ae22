/**
 * How a check says what went wrong: each helper throws `CheckFailed` with a sentence naming
 * the request, what the contract asks for and what came back, plus a hint when the answer
 * means the backend runs with settings the kit cannot work with (captcha, moderation, limits).
 */
import * as z from 'zod/mini';
import { ERROR_CODES } from '../src/contract/keys.js';
import { errorBodySchema } from '../src/contract/schemas.js';
import type { Answer } from './http.js';

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

export function fail(message: string): never {
  throw new CheckFailed(message);
}

export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

export const HINT_CAPTCHA =
  'the backend asks for a captcha; the kit cannot solve one: start the backend with captcha off ' +
  '(CAPTCHA=none on the reference server)';
export const HINT_MODERATION =
  'the backend held the comment for moderation (202); the kit needs comments published at once: start the ' +
  'backend with moderation off (MODERATION=off on the reference server)';
export const HINT_RATE_LIMIT =
  'the backend rate-limited the kit (429); it sends many writes: turn the write limit off for the run ' +
  '(RATE_LIMIT_WRITES=0 on the reference server)';

/** What an unexpected answer means for the run, when it means something beyond this check. */
export function hintFor(answer: Answer): string | null {
  const body = answer.body as { error?: unknown; fields?: Record<string, unknown> } | undefined;
  if (answer.status === 202) return HINT_MODERATION;
  if (answer.status === 429) return HINT_RATE_LIMIT;
  if (body?.error === 'captcha_failed' || body?.error === 'captcha_unavailable') return HINT_CAPTCHA;
  if (answer.status === 422 && typeof body?.fields?.captcha === 'string') return HINT_CAPTCHA;
  return null;
}

/** `POST /threads/x/comments → 422 {"error":"validation",…}`, shortened for a report line. */
export function described(answer: Answer): string {
  const text = answer.text.length > 300 ? `${answer.text.slice(0, 300)}…` : answer.text;
  return `${answer.method} ${answer.path} → ${answer.status}${text ? ` ${text}` : ''}`;
}

export function expectStatus(answer: Answer, expected: number | readonly number[], why = ''): void {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  if (allowed.includes(answer.status)) return;
  const hint = hintFor(answer);
  fail(
    `expected ${allowed.join(' or ')}${why ? ` (${why})` : ''}; got ${described(answer)}` + (hint ? ` — ${hint}` : ''),
  );
}

/** A contract error: the status, `{ error, message, fields? }`, the code, and the named fields. */
export function expectError(
  answer: Answer,
  status: number,
  code: string,
  fields?: Record<string, string>,
  why = '',
): void {
  expectStatus(answer, status, why);
  const parsed = z.safeParse(errorBodySchema, answer.body);
  if (!parsed.success) fail(`an error must be JSON { error, message, fields? }; got ${described(answer)}`);
  const body = parsed.data;
  // Codes of parts added later (e.g. `edit_not_allowed`) are checked by name, not against the list.
  const known = (ERROR_CODES as readonly string[]).includes(code);
  if (known && !(ERROR_CODES as readonly string[]).includes(body.error)) {
    fail(`"error" must be one of the contract's codes (${ERROR_CODES.join(', ')}); got "${body.error}"`);
  }
  if (body.error !== code) fail(`expected error "${code}"; got ${described(answer)}`);
  if (body.message.trim() === '') fail(`"message" must say what went wrong; got an empty message`);
  for (const [field, key] of Object.entries(fields ?? {})) {
    const got = body.fields?.[field];
    if (got !== key) {
      fail(
        `expected fields.${field} = "${key}"; got ${got === undefined ? 'no such field' : `"${got}"`} in ${described(answer)}`,
      );
    }
  }
}

/** The body parsed with a contract schema (extra fields are allowed: answers may grow). */
export function expectShape<T extends z.ZodMiniType>(answer: Answer, schema: T, what: string): z.output<T> {
  const parsed = z.safeParse(schema, answer.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the body';
  fail(`${what}: ${where} does not match the contract (${issue?.message ?? 'invalid'}); got ${described(answer)}`);
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function expectTrue(condition: boolean, message: string): asserts condition {
  if (!condition) fail(message);
}
