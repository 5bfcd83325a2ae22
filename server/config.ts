/**
 * The server's settings (SPEC §5), read once from the environment and validated with zod.
 * Nothing else in the server reads `process.env`.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { hashPassword, type PasswordHash } from './password.js';

export const MODERATION_MODES = ['off', 'first-time', 'all'] as const;
export const CAPTCHA_KINDS = ['pow', 'recaptcha', 'hcaptcha', 'turnstile', 'none'] as const;

export type Moderation = (typeof MODERATION_MODES)[number];
export type CaptchaKind = (typeof CAPTCHA_KINDS)[number];

export interface Config {
  port: number;
  host: string;
  /** A SQLite file path, `:memory:`, or a `postgres://` (`postgresql://`) URL. */
  databaseUrl: string;
  /** PostgreSQL connections per instance (`PG_POOL_MAX`). */
  pgPoolMax: number;
  moderation: Moderation;
  captcha: CaptchaKind;
  captchaSiteKey: string | undefined;
  captchaSecret: string | undefined;
  captchaVerifyUrl: string | undefined;
  powMaxNumber: number | undefined;
  adminToken: string | undefined;
  /** Origins allowed to call the API from a browser, besides the server's own origin. */
  allowedOrigins: string[];
  ratingMax: number;
  /** Minutes after posting in which an author may edit or delete their comment (SPEC §6.3); 0 = never. */
  editWindowMinutes: number;
  /** Comment posts and votes per client per minute; 0 = no limit. */
  rateLimitWrites: number;
  /** Signs captcha challenges and salts address hashes. */
  secret: string;
  trustProxy: boolean;
  // ---- hardening round two (#20) ----
  /** IPv6 clients are rate-limited by network: this many leading bits (RATE_LIMIT_IPV6_PREFIX). */
  rateLimitIpv6Prefix: number;
  /** Host names a provider captcha may have been solved on (CAPTCHA_HOSTNAMES); empty = not checked. */
  captchaHostnames: string[];
  /** The action a provider captcha must report, when it reports one (CAPTCHA_ACTION). */
  captchaAction: string | undefined;
  // ---- the moderator's desk (#15) ----
  /** ADMIN_PASSWORD, which signs in to the dashboard instead of ADMIN_TOKEN: only its scrypt hash is kept. */
  adminPassword: PasswordHash | undefined;
  /** How long a dashboard session lasts (ADMIN_SESSION_HOURS). */
  adminSessionHours: number;
  /** This server's public base URL (PUBLIC_URL, SPEC §6.6), without a trailing slash: links in emails. */
  publicUrl: string | undefined;
  /** The site the articles are on (SITE_URL, else PUBLIC_URL): the dashboard links threads that are paths under it. */
  siteUrl: string | undefined;
  // ---- speed (#24) ----
  /** Memory for answers kept by thread version, in bytes (READ_CACHE_MB); 0 = no cache. */
  readCacheBytes: number;
  /** Comments stored together in one transaction at most (WRITE_BATCH_MAX); 1 = one transaction each. */
  writeBatchMax: number;
  /** How long a thread version read from the database may be used again, in ms (READ_STALE_MS; http/versions.ts). */
  readStaleMs: number;
  // ---- notifications (#16) ----
  /** Outgoing mail server (SMTP_URL, `smtp://user:pass@host:587`); unset = no email. */
  smtpUrl: string | undefined;
  /** The From of every email (MAIL_FROM). */
  mailFrom: string | undefined;
  /** Who hears about comments (MODERATOR_EMAILS). */
  moderatorEmails: string[];
  /** Which comments they hear about (MODERATOR_NOTIFY). */
  moderatorNotify: ModeratorNotify;
  /** Where webhooks go, each with its body format (WEBHOOK_URLS, WEBHOOK_FORMAT). */
  webhooks: WebhookTarget[];
  /** Signs Standard Webhooks (WEBHOOK_SECRET, `whsec_<base64>` or any text of 16+ characters). */
  webhookSecret: string | undefined;
  /** Webhook bodies carry the author's email (WEBHOOK_INCLUDE_EMAIL). */
  webhookIncludeEmail: boolean;
  /** How often the delivery worker looks for due jobs when nobody wakes it (NOTIFY_POLL_MS). */
  notifyPollMs: number;
  /** The first retry's delay; each next one doubles, up to an hour, plus jitter (NOTIFY_RETRY_BASE_MS). */
  notifyRetryBaseMs: number;
  /** How long a job is retried before it is marked failed (NOTIFY_RETRY_HOURS). */
  notifyRetryHours: number;
  /** How long a job being delivered stays taken; after a crash it is retried once this ends (NOTIFY_LEASE_MS). */
  notifyLeaseMs: number;
}

export const MODERATOR_NOTIFY_MODES = ['pending', 'all', 'off'] as const;
export type ModeratorNotify = (typeof MODERATOR_NOTIFY_MODES)[number];
export const WEBHOOK_FORMATS = ['standard', 'slack', 'discord'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
}

/** A setting has a bad value; `variable` names it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`);
    this.name = 'ConfigError';
  }
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`));

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be true or false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const origin = z
  .string()
  .trim()
  .refine(
    (v) => !v.includes('*'),
    'wildcards are not supported: list each origin (https://a.example,https://b.example)',
  )
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'each entry must be an origin like https://news.example.com (scheme, host and optional port, no path)')
  .transform((v) => new URL(v).origin);

const commaList = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const httpUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'each entry must be an http(s) URL');

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A public base URL: http(s), no query or fragment, kept without a trailing slash. */
const baseUrl = z
  .string()
  .trim()
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL like https://news.example.com (no query or fragment)')
  .transform((v) => v.replace(/\/+$/, ''));

const envSchema = z.object({
  PORT: opt(intIn(0, 65535)).default(8787),
  HOST: opt(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address'),
  ).default('127.0.0.1'),
  DATABASE_URL: opt(z.string().trim()).default('./data/comments.db'),
  PG_POOL_MAX: opt(intIn(1, 1000)).default(10),
  MODERATION: opt(z.enum(MODERATION_MODES, `must be one of ${MODERATION_MODES.join(', ')}`)).default('first-time'),
  CAPTCHA: opt(z.enum(CAPTCHA_KINDS, `must be one of ${CAPTCHA_KINDS.join(', ')}`)).default('pow'),
  CAPTCHA_SITE_KEY: opt(z.string().trim().max(500, 'is too long')),
  CAPTCHA_SECRET: opt(z.string().trim().max(500, 'is too long')),
  CAPTCHA_VERIFY_URL: opt(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  POW_MAX_NUMBER: opt(intIn(1000, 100_000_000)),
  ADMIN_TOKEN: opt(
    z
      .string()
      .min(16, 'must be at least 16 characters long')
      .max(512, 'is too long')
      // A space or newline pasted with the token would make it impossible to send back.
      .regex(/^\S+$/, 'must not contain spaces, tabs or line breaks'),
  ),
  ALLOWED_ORIGINS: opt(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
  ).default([]),
  RATING_MAX: opt(intIn(2, 10)).default(5),
  EDIT_WINDOW_MINUTES: opt(intIn(0, 10_080)).default(15),
  RATE_LIMIT_WRITES: opt(intIn(0, 100_000)).default(10),
  SECRET: opt(z.string().min(16, 'must be at least 16 characters long')),
  TRUST_PROXY: opt(bool).default(false),
  // ---- hardening round two (#20) ----
  RATE_LIMIT_IPV6_PREFIX: opt(intIn(32, 128)).default(64),
  CAPTCHA_HOSTNAMES: opt(
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(HOSTNAME, 'each entry must be a host name like news.example.com (no scheme)'))),
  ).default([]),
  CAPTCHA_ACTION: opt(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_/-]{1,100}$/, 'must be 1–100 of A–Z a–z 0–9 _ / -'),
  ),
  // ---- the moderator's desk (#15) ----
  ADMIN_PASSWORD: opt(z.string().min(12, 'must be at least 12 characters long').max(1024, 'is too long')),
  ADMIN_SESSION_HOURS: opt(intIn(1, 720)).default(12),
  PUBLIC_URL: opt(baseUrl),
  SITE_URL: opt(baseUrl),
  // ---- speed (#24) ----
  READ_CACHE_MB: opt(intIn(0, 4096)).default(16),
  WRITE_BATCH_MAX: opt(intIn(1, 1000)).default(64),
  READ_STALE_MS: opt(intIn(0, 60_000)),
  // ---- notifications (#16) ----
  SMTP_URL: opt(
    z
      .string()
      .trim()
      .regex(
        /^smtps?:\/\/[^\s/]+/i,
        'must be an smtp:// or smtps:// URL like smtp://user:password@mail.example.com:587',
      ),
  ),
  MAIL_FROM: opt(z.string().trim().max(300, 'is too long').regex(/@/, 'must contain an email address')),
  MODERATOR_EMAILS: opt(
    z
      .string()
      .transform(commaList)
      .pipe(z.array(z.string().regex(/^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/, 'each entry must be an email address'))),
  ).default([]),
  MODERATOR_NOTIFY: opt(z.enum(MODERATOR_NOTIFY_MODES, `must be one of ${MODERATOR_NOTIFY_MODES.join(', ')}`)).default(
    'pending',
  ),
  WEBHOOK_URLS: opt(z.string().transform(commaList).pipe(z.array(httpUrl))).default([]),
  WEBHOOK_FORMAT: opt(
    z
      .string()
      .transform((v) => commaList(v).map((s) => s.toLowerCase()))
      .pipe(z.array(z.enum(WEBHOOK_FORMATS, `each entry must be one of ${WEBHOOK_FORMATS.join(', ')}`))),
  ).default([]),
  WEBHOOK_SECRET: opt(z.string().trim().min(16, 'must be at least 16 characters long')),
  WEBHOOK_INCLUDE_EMAIL: opt(bool).default(false),
  NOTIFY_POLL_MS: opt(intIn(10, 3_600_000)).default(5000),
  NOTIFY_RETRY_BASE_MS: opt(intIn(1, 3_600_000)).default(30_000),
  NOTIFY_RETRY_HOURS: opt(intIn(0, 720)).default(24),
  NOTIFY_LEASE_MS: opt(intIn(100, 3_600_000)).default(120_000),
});

/**
 * Parses the environment. Throws `ConfigError` naming the first bad variable. `SECRET`, when
 * unset, is read from (or created in) a `secret` file beside the SQLite database.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const shown = env[variable];
    const value = shown === undefined || /SECRET|TOKEN|PASSWORD/.test(variable) ? '' : ` (got "${shown}")`;
    throw new ConfigError(variable, `${issue.message}${value}`);
  }
  const e = parsed.data;

  checkDatabaseUrl(e.DATABASE_URL);
  if (isPostgres(e.DATABASE_URL) && !e.SECRET) {
    // Several instances share one database: a secret generated per instance would make a captcha
    // challenge from one fail on another and hash one reader's address differently on each.
    throw new ConfigError(
      'SECRET',
      'is required with PostgreSQL: every server instance must sign captcha challenges and hash addresses with the same secret (set the same value of 16 characters or more on each)',
    );
  }
  if (e.CAPTCHA === 'recaptcha' || e.CAPTCHA === 'hcaptcha' || e.CAPTCHA === 'turnstile') {
    if (!e.CAPTCHA_SITE_KEY) throw new ConfigError('CAPTCHA_SITE_KEY', `is required when CAPTCHA=${e.CAPTCHA}`);
    if (!e.CAPTCHA_SECRET) throw new ConfigError('CAPTCHA_SECRET', `is required when CAPTCHA=${e.CAPTCHA}`);
  }
  // ---- notifications (#16) ----
  const webhooks = webhookTargets(e.WEBHOOK_URLS, e.WEBHOOK_FORMAT);
  if (webhooks.some((w) => w.format === 'standard') && !e.WEBHOOK_SECRET)
    throw new ConfigError('WEBHOOK_SECRET', 'is required with WEBHOOK_URLS: receivers check the signature with it');
  if (e.WEBHOOK_SECRET?.startsWith('whsec_') && !/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/.test(e.WEBHOOK_SECRET))
    throw new ConfigError('WEBHOOK_SECRET', 'after whsec_ must come a base64 key (at least 12 bytes)');
  if (e.SMTP_URL && !e.MAIL_FROM)
    throw new ConfigError('MAIL_FROM', 'is required with SMTP_URL: the address emails are sent from');

  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgPoolMax: e.PG_POOL_MAX,
    moderation: e.MODERATION,
    captcha: e.CAPTCHA,
    captchaSiteKey: e.CAPTCHA_SITE_KEY,
    captchaSecret: e.CAPTCHA_SECRET,
    captchaVerifyUrl: e.CAPTCHA_VERIFY_URL,
    powMaxNumber: e.POW_MAX_NUMBER,
    adminToken: e.ADMIN_TOKEN,
    allowedOrigins: e.ALLOWED_ORIGINS,
    ratingMax: e.RATING_MAX,
    editWindowMinutes: e.EDIT_WINDOW_MINUTES,
    rateLimitWrites: e.RATE_LIMIT_WRITES,
    secret: e.SECRET ?? persistentSecret(e.DATABASE_URL),
    trustProxy: e.TRUST_PROXY,
    // ---- hardening round two (#20) ----
    rateLimitIpv6Prefix: e.RATE_LIMIT_IPV6_PREFIX,
    captchaHostnames: e.CAPTCHA_HOSTNAMES,
    captchaAction: e.CAPTCHA_ACTION,
    // ---- the moderator's desk (#15) ----
    adminPassword: e.ADMIN_PASSWORD === undefined ? undefined : hashPassword(e.ADMIN_PASSWORD),
    adminSessionHours: e.ADMIN_SESSION_HOURS,
    publicUrl: e.PUBLIC_URL,
    siteUrl: e.SITE_URL ?? e.PUBLIC_URL,
    // ---- speed (#24) ----
    readCacheBytes: e.READ_CACHE_MB * 1024 * 1024,
    writeBatchMax: e.WRITE_BATCH_MAX,
    // 1 s on both stores: on PostgreSQL a version read is a round trip; on SQLite a read
    // transaction costs three system calls (two locks on the -shm file and an fstat), about
    // 13 µs of the 80 a 304 costs. Writes through this process are seen at once (app.ts).
    readStaleMs: e.READ_STALE_MS ?? 1000,
    // ---- notifications (#16) ----
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    moderatorEmails: e.MODERATOR_EMAILS,
    moderatorNotify: e.MODERATOR_NOTIFY,
    webhooks,
    webhookSecret: e.WEBHOOK_SECRET,
    webhookIncludeEmail: e.WEBHOOK_INCLUDE_EMAIL,
    notifyPollMs: e.NOTIFY_POLL_MS,
    notifyRetryBaseMs: e.NOTIFY_RETRY_BASE_MS,
    notifyRetryHours: e.NOTIFY_RETRY_HOURS,
    notifyLeaseMs: e.NOTIFY_LEASE_MS,
  };
}

/**
 * WEBHOOK_FORMAT is one format for every URL, or one per URL in the same order
 * (`standard,slack`); unset = standard.
 */
function webhookTargets(urls: string[], formats: WebhookFormat[]): WebhookTarget[] {
  if (formats.length > 1 && formats.length !== urls.length)
    throw new ConfigError(
      'WEBHOOK_FORMAT',
      `must be one format for all URLs or one per URL of WEBHOOK_URLS (${urls.length}), got ${formats.length}`,
    );
  return urls.map((url, i) => ({ url, format: formats.length > 1 ? formats[i]! : (formats[0] ?? 'standard') }));
}

// ---- the database (shared by the server and its subcommands) ----------------------------------

const isPostgres = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/** DATABASE_URL is a SQLite file path (or `:memory:`) or a PostgreSQL URL with a host. */
function checkDatabaseUrl(url: string): void {
  if (isPostgres(url)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      /* refused below */
    }
    if (!parsed?.hostname && !parsed?.searchParams.get('host'))
      throw new ConfigError(
        'DATABASE_URL',
        'must be a PostgreSQL URL like postgres://user:password@host:5432/database',
      );
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new ConfigError('DATABASE_URL', 'must be a SQLite file path or a postgres:// (postgresql://) URL');
  }
}

/** What the `copy` and `migrate` subcommands need: the database alone, no secret. */
export interface DatabaseConfig {
  databaseUrl: string;
  pgPoolMax: number;
}

export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const parsed = envSchema.pick({ DATABASE_URL: true, PG_POOL_MAX: true }).safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'environment'), issue.message);
  }
  checkDatabaseUrl(parsed.data.DATABASE_URL);
  return { databaseUrl: parsed.data.DATABASE_URL, pgPoolMax: parsed.data.PG_POOL_MAX };
}

/** The generated secret lives beside the database so address hashes and challenges survive restarts. */
function persistentSecret(databaseUrl: string): string {
  if (databaseUrl === ':memory:') return randomBytes(32).toString('base64url');
  const file = join(dirname(resolve(databaseUrl)), 'secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 16) return stored;
  }
  // The same folder holds the SQLite file (readers' emails): only its owner may enter it.
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  try {
    chmodSync(file, 0o600);
  } catch {
    /* not every file system has modes */
  }
  return secret;
}

/** A test-friendly config: every default, overridden by `overrides`. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // The defaults come from loadConfig itself, so a new setting needs no line here; only what
  // tests want unlike production is named.
  const defaults = loadConfig({ DATABASE_URL: ':memory:', SECRET: 'test-secret-0123456789abcdef' });
  return {
    ...defaults,
    port: 0,
    moderation: 'off',
    captcha: 'none',
    rateLimitWrites: 0,
    ...overrides,
  };
}
