import { generateApiKey, hashApiKey, keyFromHeaders, keyPrefix, looksLikeApiKey, sameHash } from './api-key';

describe('API keys', () => {
  const secret = Buffer.from('s'.repeat(32));

  it('are tdr_ and 32 random bytes in base64url, different every time', () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^tdr_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key.slice(4), 'base64url')).toHaveLength(32);
      expect(looksLikeApiKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(50);
  });

  it('keep a short prefix that is not the key', () => {
    const key = generateApiKey();
    expect(keyPrefix(key)).toBe(key.slice(0, 12));
    expect(key.startsWith(keyPrefix(key))).toBe(true);
    expect(keyPrefix(key).length).toBeLessThan(key.length / 3);
  });

  it('hash with HMAC-SHA256 keyed by the server secret: stable, secret-dependent, never containing the key', () => {
    const key = generateApiKey();
    const hash = hashApiKey(key, secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key, secret)).toBe(hash);
    expect(hashApiKey(key, Buffer.from('t'.repeat(32)))).not.toBe(hash);
    expect(hashApiKey(generateApiKey(), secret)).not.toBe(hash);
    expect(hash).not.toContain(key.slice(4, 12));
  });

  it('compare hashes in constant time, also of different lengths', () => {
    const a = hashApiKey('tdr_a', secret);
    expect(sameHash(a, hashApiKey('tdr_a', secret))).toBe(true);
    expect(sameHash(a, hashApiKey('tdr_b', secret))).toBe(false);
    expect(sameHash(a, a.slice(1))).toBe(false);
    expect(sameHash(a, '')).toBe(false);
  });

  it('refuse anything that is not shaped like a key', () => {
    for (const bad of ['', 'tdr_', 'tdr_short', `xyz_${'a'.repeat(43)}`, `tdr_${'a'.repeat(42)}!`, `tdr_${'a'.repeat(44)}`]) expect(looksLikeApiKey(bad)).toBe(false);
  });

  it('are read from Authorization: Bearer or X-Api-Key', () => {
    expect(keyFromHeaders({ authorization: 'Bearer tdr_x' })).toBe('tdr_x');
    expect(keyFromHeaders({ authorization: 'bearer   tdr_x ' })).toBe('tdr_x');
    expect(keyFromHeaders({ 'x-api-key': ' tdr_y ' })).toBe('tdr_y');
    expect(keyFromHeaders({ authorization: 'Bearer tdr_x', 'x-api-key': 'tdr_y' })).toBe('tdr_x');
    expect(keyFromHeaders({})).toBeUndefined();
    expect(keyFromHeaders({ 'x-api-key': '' })).toBeUndefined();
    // a malformed Authorization header is still a key, which then fails: it is never treated as no key
    expect(keyFromHeaders({ authorization: 'Basic abc' })).toBe('Basic abc');
  });
});
