import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every key starts with this, so that it is recognisable in a config file or a secret scanner. */
export const KEY_PREFIX = 'tdr_';
const KEY_BYTES = 32;
/** Characters of the random part kept beside the hash: enough to find the key's record and to tell keys apart in a listing, far too few to guess it. */
const LOOKUP_CHARS = 8;
const KEY_SHAPE = /^tdr_[A-Za-z0-9_-]{43}$/;

/** A new random key: `tdr_` and 32 random bytes in base64url (256 bits). Shown once, never stored. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
}

/** Whether a string has the shape of a key (anything else is refused without looking it up). */
export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}

/** The non-secret part kept for listing and lookup: `tdr_` and the first 8 characters of the random part. */
export function keyPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + LOOKUP_CHARS);
}

/** What is stored instead of the key: HMAC-SHA256 of the key with the server secret, hex. */
export function hashApiKey(key: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(key, 'utf8').digest('hex');
}

/** Compares two hashes in constant time (for equal lengths; unequal lengths are simply different). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  if (x.length !== y.length) {
    // still spend the time of a comparison, so the length is not told by timing either
    timingSafeEqual(x, x);
    return false;
  }
  return timingSafeEqual(x, y);
}

/** The key a request carries: `Authorization: Bearer <key>` or `X-Api-Key: <key>` (undefined: none). */
export function keyFromHeaders(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = first(headers.authorization);
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : authorization.trim();
  }
  const apiKey = first(headers['x-api-key'])?.trim();
  return apiKey ? apiKey : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
