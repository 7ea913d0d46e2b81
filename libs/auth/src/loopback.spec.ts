import { isLoopbackAddress, loopbackAccessFromEnv, servesAsLocalAdmin } from './loopback';

describe('loopback access', () => {
  it('is admin for the embedded default, off with NEO4J_URI, and TADORU_LOOPBACK_ACCESS decides when set', () => {
    expect(loopbackAccessFromEnv({})).toBe('admin');
    expect(loopbackAccessFromEnv({ NEO4J_URI: 'bolt://db:7687' })).toBe('off');
    expect(loopbackAccessFromEnv({ NEO4J_URI: 'bolt://db:7687', TADORU_LOOPBACK_ACCESS: 'admin' })).toBe('admin');
    expect(loopbackAccessFromEnv({ TADORU_LOOPBACK_ACCESS: 'off' })).toBe('off');
    expect(() => loopbackAccessFromEnv({ TADORU_LOOPBACK_ACCESS: 'yes' })).toThrow('TADORU_LOOPBACK_ACCESS must be "admin" or "off", got "yes"');
  });

  it('knows the loopback addresses: 127.0.0.0/8, ::1 and IPv4-mapped 127.x', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '127.255.255.255', '::1', '::ffff:127.0.0.1', '::ffff:127.9.9.9']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of [undefined, '', '10.0.0.1', '192.168.1.10', '128.0.0.1', '::ffff:10.0.0.1', '::2', 'fe80::1', '127.0.0.256', '1127.0.0.1', '::ffff:192.168.0.1']) expect(isLoopbackAddress(a)).toBe(false);
  });

  it('serves a keyless request as the local admin only from loopback, not forwarded, and only when on', () => {
    expect(servesAsLocalAdmin('admin', '127.0.0.1', {})).toBe(true);
    expect(servesAsLocalAdmin('admin', '::ffff:127.0.0.1', { host: 'localhost' })).toBe(true);
    expect(servesAsLocalAdmin('off', '127.0.0.1', {})).toBe(false);
    expect(servesAsLocalAdmin('admin', '10.0.0.7', {})).toBe(false);
    // a reverse proxy on the same host must not turn the world into loopback
    expect(servesAsLocalAdmin('admin', '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(false);
    expect(servesAsLocalAdmin('admin', '127.0.0.1', { forwarded: 'for=203.0.113.9' })).toBe(false);
    expect(servesAsLocalAdmin('admin', '::1', { 'x-real-ip': '203.0.113.9' })).toBe(false);
    expect(servesAsLocalAdmin('admin', '127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).toBe(false);
  });
});
