/**
 * Settings refused at start (#20.7): an ADMIN_TOKEN with whitespace (it could never be sent
 * back in a header as configured) and a wildcard in ALLOWED_ORIGINS (not supported: it would
 * silently match nothing).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.js';
import { expectStartFailure } from '../helpers/server-process.js';

const mem = { DATABASE_URL: ':memory:' };

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...mem, ...env });
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err;
  }
  assert.fail(`accepted ${JSON.stringify(env)}`);
}

describe('settings refused at start', () => {
  it('ADMIN_TOKEN with a space, a tab or a line break', () => {
    for (const token of [
      'a-long-admin-token-1234 ',
      ' a-long-admin-token-1234',
      'a-long-admin token-1234',
      'a-long-admin-token-1234\n',
    ]) {
      const err = refusal({ ADMIN_TOKEN: token });
      assert.equal(err.variable, 'ADMIN_TOKEN');
      assert.equal(err.message, 'ADMIN_TOKEN: must not contain spaces, tabs or line breaks');
    }
    assert.equal(loadConfig({ ...mem, ADMIN_TOKEN: 'a-long-admin-token-1234' }).adminToken, 'a-long-admin-token-1234');
  });

  it('a wildcard in ALLOWED_ORIGINS', () => {
    for (const origins of ['*', 'https://*.example.com', 'https://news.example, https://*.blog.example']) {
      const err = refusal({ ALLOWED_ORIGINS: origins });
      assert.equal(err.variable, 'ALLOWED_ORIGINS');
      assert.match(err.message, /^ALLOWED_ORIGINS: wildcards are not supported: list each origin/);
    }
  });

  it('the server process stops with the message and no stack trace', async () => {
    const result = await expectStartFailure({ ADMIN_TOKEN: 'a-long-admin-token-1234 ' });
    assert.notEqual(result.code, 0);
    assert.match(result.output, /invalid setting ADMIN_TOKEN: must not contain spaces, tabs or line breaks/);
    assert.doesNotMatch(result.output, /\n\s+at /);
  });
});
