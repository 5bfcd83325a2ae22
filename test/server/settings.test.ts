import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.js';
import { expectStartFailure, startServerProcess } from '../helpers/server-process.js';

const mem = { DATABASE_URL: ':memory:' };

function refused(env: Record<string, string>): string {
  try {
    loadConfig({ ...mem, ...env });
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.variable;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('settings (loadConfig)', () => {
  it('defaults follow SPEC §5', () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-cfg-'));
    try {
      const c = loadConfig({ DATABASE_URL: join(dir, 'db', 'comments.db') });
      assert.equal(c.port, 8787);
      assert.equal(c.host, '127.0.0.1');
      assert.equal(c.moderation, 'first-time');
      assert.equal(c.captcha, 'pow');
      assert.equal(c.adminToken, undefined);
      assert.deepEqual(c.allowedOrigins, []);
      assert.equal(c.ratingMax, 5);
      assert.equal(c.rateLimitWrites, 10);
      assert.equal(c.trustProxy, false);
      // SECRET: generated once, kept beside the database, reused on the next start.
      const file = join(dir, 'db', 'secret');
      assert.ok(existsSync(file));
      assert.equal(readFileSync(file, 'utf8').trim(), c.secret);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      // The folder it makes also holds the SQLite file (emails): owner only.
      assert.equal(statSync(join(dir, 'db')).mode & 0o777, 0o700);
      assert.equal(loadConfig({ DATABASE_URL: join(dir, 'db', 'comments.db') }).secret, c.secret);
      assert.equal(loadConfig({ ...mem }).databaseUrl, ':memory:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_URL: ':memory:',
      MODERATION: 'all',
      CAPTCHA: 'hcaptcha',
      CAPTCHA_SITE_KEY: 'site',
      CAPTCHA_SECRET: 'secret',
      CAPTCHA_VERIFY_URL: 'http://127.0.0.1:9/verify',
      POW_MAX_NUMBER: '20000',
      ADMIN_TOKEN: 'a-long-admin-token-1234',
      ALLOWED_ORIGINS: 'https://news.example.com, http://localhost:5173',
      RATING_MAX: '10',
      RATE_LIMIT_WRITES: '0',
      SECRET: 'a-secret-of-enough-length',
      TRUST_PROXY: 'true',
    });
    assert.deepEqual(
      { ...c },
      {
        port: 0,
        host: '0.0.0.0',
        databaseUrl: ':memory:',
        pgPoolMax: 10,
        moderation: 'all',
        captcha: 'hcaptcha',
        captchaSiteKey: 'site',
        captchaSecret: 'secret',
        captchaVerifyUrl: 'http://127.0.0.1:9/verify',
        powMaxNumber: 20000,
        adminToken: 'a-long-admin-token-1234',
        allowedOrigins: ['https://news.example.com', 'http://localhost:5173'],
        ratingMax: 10,
        editWindowMinutes: 15,
        rateLimitWrites: 0,
        secret: 'a-secret-of-enough-length',
        trustProxy: true,
        rateLimitIpv6Prefix: 64,
        captchaHostnames: [],
        captchaAction: undefined,
        // ---- the moderator's desk (#15) ----
        adminPassword: undefined,
        adminSessionHours: 12,
        publicUrl: undefined,
        siteUrl: undefined,
        // ---- speed (#24) ----
        readCacheBytes: 16 * 1024 * 1024,
        writeBatchMax: 64,
        readStaleMs: 1000,
        // ---- notifications (#16): defaults, see notify-settings.test.ts ----
        smtpUrl: undefined,
        mailFrom: undefined,
        moderatorEmails: [],
        moderatorNotify: 'pending',
        webhooks: [],
        webhookSecret: undefined,
        webhookIncludeEmail: false,
        notifyPollMs: 5000,
        notifyRetryBaseMs: 30000,
        notifyRetryHours: 24,
        notifyLeaseMs: 120000,
      },
    );
    assert.equal(loadConfig({ ...mem, READ_CACHE_MB: '0', WRITE_BATCH_MAX: '1' }).readCacheBytes, 0);
    assert.equal(loadConfig({ ...mem, WRITE_BATCH_MAX: '1' }).writeBatchMax, 1);
    assert.throws(() => loadConfig({ ...mem, WRITE_BATCH_MAX: '0' }), /WRITE_BATCH_MAX/);
    // READ_STALE_MS: 1 s on SQLite and PostgreSQL, unless set.
    const pg = { DATABASE_URL: 'postgres://feedback@db.internal:5432/feedback', SECRET: 'a-secret-of-enough-length' };
    assert.equal(loadConfig(pg).readStaleMs, 1000);
    assert.equal(loadConfig({ ...pg, READ_STALE_MS: '0' }).readStaleMs, 0);
    assert.equal(loadConfig({ DATABASE_URL: './data/comments.db' }).readStaleMs, 1000);
    assert.equal(loadConfig({ DATABASE_URL: './data/comments.db', READ_STALE_MS: '0' }).readStaleMs, 0);
    assert.equal(loadConfig({ ...mem, READ_STALE_MS: '250' }).readStaleMs, 250);
    assert.throws(() => loadConfig({ ...mem, READ_STALE_MS: '60001' }), /READ_STALE_MS/);
    assert.equal(loadConfig({ ...mem, MODERATION: 'off', CAPTCHA: 'none' }).moderation, 'off');
    assert.equal(loadConfig({ ...mem, TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({ ...mem, PORT: '' }).port, 8787);
  });

  it('a bad value names its variable', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '65536' }, 'PORT'],
      [{ PORT: '-1' }, 'PORT'],
      [{ HOST: 'bad host!' }, 'HOST'],
      [{ DATABASE_URL: 'postgres://user@db/comments' }, 'SECRET'],
      [{ DATABASE_URL: 'postgres:///comments', SECRET: 'a-secret-of-enough-length' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'postgres://db/c', SECRET: 'a-secret-of-enough-length', PG_POOL_MAX: '0' }, 'PG_POOL_MAX'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ MODERATION: 'sometimes' }, 'MODERATION'],
      [{ CAPTCHA: 'google' }, 'CAPTCHA'],
      [{ CAPTCHA: 'recaptcha', CAPTCHA_SECRET: 's' }, 'CAPTCHA_SITE_KEY'],
      [{ CAPTCHA: 'turnstile', CAPTCHA_SITE_KEY: 'k' }, 'CAPTCHA_SECRET'],
      [{ CAPTCHA_VERIFY_URL: 'not a url' }, 'CAPTCHA_VERIFY_URL'],
      [{ POW_MAX_NUMBER: '12.5' }, 'POW_MAX_NUMBER'],
      [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
      [{ ALLOWED_ORIGINS: 'https://ok.example, news.example.com' }, 'ALLOWED_ORIGINS'],
      [{ ALLOWED_ORIGINS: 'https://example.com/path' }, 'ALLOWED_ORIGINS'],
      [{ RATING_MAX: '1' }, 'RATING_MAX'],
      [{ RATING_MAX: '11' }, 'RATING_MAX'],
      [{ RATE_LIMIT_WRITES: 'many' }, 'RATE_LIMIT_WRITES'],
      [{ SECRET: 'tiny' }, 'SECRET'],
      [{ TRUST_PROXY: 'perhaps' }, 'TRUST_PROXY'],
    ];
    for (const [env, variable] of cases) assert.equal(refused(env), variable, JSON.stringify(env));
  });

  it('PostgreSQL: postgres:// and postgresql:// URLs, PG_POOL_MAX (default 10), and SECRET required, saying why', () => {
    const secret = 'a-secret-of-enough-length';
    const pgConfig = loadConfig({ DATABASE_URL: 'postgres://app@db.internal:5432/comments', SECRET: secret });
    assert.equal(pgConfig.databaseUrl, 'postgres://app@db.internal:5432/comments');
    assert.equal(pgConfig.pgPoolMax, 10);
    assert.equal(pgConfig.secret, secret);
    const other = loadConfig({ DATABASE_URL: 'postgresql://db/comments', SECRET: secret, PG_POOL_MAX: '25' });
    assert.equal(other.pgPoolMax, 25);
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'postgresql://db/comments' }),
      (err: Error) =>
        err.message ===
        'SECRET: is required with PostgreSQL: every server instance must sign captcha challenges and hash addresses with the same secret (set the same value of 16 characters or more on each)',
    );
  });

  it('the secret values are never echoed in the error', () => {
    try {
      loadConfig({ ...mem, ADMIN_TOKEN: 'shh' });
      assert.fail('accepted');
    } catch (err) {
      assert.doesNotMatch((err as Error).message, /shh/);
    }
  });
});

describe('the server process', () => {
  it('a bad setting stops it with a message naming the variable and a non-zero exit', async () => {
    const results = await Promise.all([
      expectStartFailure({ PORT: 'abc' }),
      expectStartFailure({ MODERATION: 'maybe' }),
      expectStartFailure({ CAPTCHA: 'recaptcha' }),
      expectStartFailure({ DATABASE_URL: 'mysql://db.example/comments' }),
      expectStartFailure({ DATABASE_URL: 'postgres://db.example/comments', SECRET: '' }),
    ]);
    const names = ['PORT', 'MODERATION', 'CAPTCHA_SITE_KEY', 'DATABASE_URL', 'SECRET'];
    results.forEach((r, i) => {
      assert.notEqual(r.code, 0, r.output);
      assert.match(r.output, new RegExp(`invalid setting ${names[i]}`), r.output);
      assert.doesNotMatch(r.output, /\n\s+at /, 'no stack trace');
    });
  });

  it('prints exactly the listening line, serves the API over a socket, refuses big bodies, and stops cleanly on SIGTERM', async () => {
    const server = await startServerProcess({ env: { MODERATION: 'off' } });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(server.output().trim(), `article-feedback listening on ${server.url}`);
      assert.ok(existsSync(join(server.dbPath, '..', 'secret')));
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      const post = await fetch(`${server.apiUrl}/threads/proc/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Proc', email: 'p@example.com', message: 'over a socket' }),
      });
      assert.equal(post.status, 201);
      const big = await fetch(`${server.apiUrl}/threads/proc/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Big', email: 'b@example.com', message: 'x'.repeat(200 * 1024) }),
      });
      assert.equal(big.status, 413);
      assert.equal(((await big.json()) as { error: string }).error, 'payload_too_large');
      const list = (await (await fetch(`${server.apiUrl}/threads/proc/comments`)).json()) as { total: number };
      assert.equal(list.total, 1);
    } finally {
      await server.stop();
    }
    assert.equal(server.process.exitCode, 0);
  });
});
