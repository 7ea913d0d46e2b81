/** Whether requests without a key from this machine are served as the local admin. */
export type LoopbackAccess = 'admin' | 'off';

/**
 * TADORU_LOOPBACK_ACCESS if set (`admin` or `off`); otherwise `admin` for the embedded default (no
 * NEO4J_URI: one person's machine) and `off` when NEO4J_URI names a shared database.
 */
export function loopbackAccessFromEnv(env: NodeJS.ProcessEnv = process.env): LoopbackAccess {
  const raw = env.TADORU_LOOPBACK_ACCESS?.trim();
  if (raw) {
    if (raw !== 'admin' && raw !== 'off') throw new Error(`TADORU_LOOPBACK_ACCESS must be "admin" or "off", got "${raw}"`);
    return raw;
  }
  return env.NEO4J_URI?.trim() ? 'off' : 'admin';
}

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x (how Node reports an IPv4 peer on a dual-stack socket). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return v4.split('.').every((part) => Number(part) <= 255);
  return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** Headers a reverse proxy adds: a request that carries one was forwarded, whatever its socket says. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

export function isForwarded(headers: Record<string, string | string[] | undefined>): boolean {
  return FORWARDING_HEADERS.some((h) => headers[h] !== undefined);
}

/**
 * Whether a request that carries no key is served as the local admin: loopback access is on, the
 * peer is a loopback address, and no proxy forwarded it (a proxy on the same host would otherwise
 * turn the whole world into loopback).
 */
export function servesAsLocalAdmin(access: LoopbackAccess, remoteAddress: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  return access === 'admin' && isLoopbackAddress(remoteAddress) && !isForwarded(headers);
}
