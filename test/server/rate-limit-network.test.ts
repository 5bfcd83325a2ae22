/**
 * Rate limits count networks, not spellings (#20.2): an IPv4 address in any spelling is one
 * client, and an IPv6 /64 (RATE_LIMIT_IPV6_PREFIX) is one client.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../server/config.js';
import { canonicalAddress, rateLimitKey } from '../../server/http/address.js';
import { commentBody, startTestServer, voterId } from './helpers.js';

describe('address spelling', () => {
  it('one canonical spelling per address; IPv6 keyed by its network', () => {
    for (const spelling of ['1.2.3.4', '::ffff:1.2.3.4', '::FFFF:0102:0304', '0:0:0:0:0:ffff:1.2.3.4', '1.2.3.4:5678'])
      assert.equal(canonicalAddress(spelling), '1.2.3.4', spelling);
    for (const spelling of [
      '2001:db8::1',
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
      '[2001:db8::1]:443',
      '2001:db8::1%eth0',
    ])
      assert.equal(canonicalAddress(spelling), '2001:db8:0:0:0:0:0:1', spelling);
    assert.equal(rateLimitKey('2001:db8:1234:5678:9abc::1', 64), '2001:db8:1234:5678:0:0:0:0/64');
    assert.equal(rateLimitKey('2001:db8:1234:5678:9abc::1', 56), '2001:db8:1234:5600:0:0:0:0/56');
    assert.equal(rateLimitKey('2001:db8:1234:5678:9abc::1', 128), '2001:db8:1234:5678:9abc:0:0:1/128');
    assert.equal(rateLimitKey('::ffff:198.51.100.7', 64), '198.51.100.7');
    assert.equal(rateLimitKey('unknown', 64), 'unknown');
  });

  it('RATE_LIMIT_IPV6_PREFIX: default 64, a whole number from 32 to 128', () => {
    const mem = { DATABASE_URL: ':memory:' };
    assert.equal(loadConfig(mem).rateLimitIpv6Prefix, 64);
    assert.equal(loadConfig({ ...mem, RATE_LIMIT_IPV6_PREFIX: '48' }).rateLimitIpv6Prefix, 48);
    for (const bad of ['16', '129', '64.5', 'all'])
      assert.throws(() => loadConfig({ ...mem, RATE_LIMIT_IPV6_PREFIX: bad }), /RATE_LIMIT_IPV6_PREFIX/);
  });
});

describe('rate limits by network', () => {
  const post = (s: Awaited<ReturnType<typeof startTestServer>>, from: string) =>
    s.send('POST', '/api/threads/net/comments', commentBody(), { 'X-Forwarded-For': from });

  it('the spellings of one IPv4 address share one budget', async () => {
    const s = await startTestServer({ rateLimitWrites: 2, trustProxy: true });
    try {
      assert.equal((await post(s, '203.0.113.7')).status, 201);
      assert.equal((await post(s, '::ffff:203.0.113.7')).status, 201);
      assert.equal((await post(s, '::ffff:cb00:7107')).status, 429);
      assert.equal((await post(s, '203.0.113.8')).status, 201);
    } finally {
      await s.close();
    }
  });

  it('every address of one IPv6 /64 shares one budget; the next /64 has its own', async () => {
    const s = await startTestServer({ rateLimitWrites: 2, trustProxy: true });
    try {
      assert.equal((await post(s, '2001:db8:aa:1::1')).status, 201);
      const vote = { value: 5, voter: voterId(1) };
      const voted = await s.send('PUT', '/api/threads/net/rating', vote, {
        'X-Forwarded-For': '2001:db8:aa:1:ffff::2',
      });
      assert.equal(voted.status, 200);
      assert.equal((await post(s, '2001:db8:aa:1:1234:5678:9abc:def0')).status, 429);
      assert.equal((await post(s, '2001:db8:aa:2::1')).status, 201);
    } finally {
      await s.close();
    }
  });

  it('RATE_LIMIT_IPV6_PREFIX=128 counts each IPv6 address alone', async () => {
    const s = await startTestServer({ rateLimitWrites: 1, trustProxy: true, rateLimitIpv6Prefix: 128 });
    try {
      assert.equal((await post(s, '2001:db8:aa:1::1')).status, 201);
      assert.equal((await post(s, '2001:db8:aa:1::2')).status, 201);
      assert.equal((await post(s, '2001:0db8:00aa:0001::2')).status, 429);
    } finally {
      await s.close();
    }
  });
});
