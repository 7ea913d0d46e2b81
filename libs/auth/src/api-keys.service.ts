import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidInputError, NotFoundError, Problem } from '@tadoru/common';
import { generateApiKey, hashApiKey, keyPrefix, looksLikeApiKey, sameHash } from './api-key';
import { ApiKeyRow, ApiKeysRepository } from './api-keys.repository';
import { Actor, isRole, Role, ROLES } from './roles';

/** The server secret, read when first needed (building the schema needs none). */
export interface SecretSource {
  get(): Buffer;
}
export const SERVER_SECRET = Symbol('SERVER_SECRET');

/** How long a successful lookup is trusted: a key revoked elsewhere (the CLI, another instance) stops working within this. */
export const AUTH_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export interface CreatedApiKey {
  /** The key itself: shown once, never stored or logged. */
  key: string;
  info: ApiKeyRow;
}

/** API keys: created (the key is returned once), listed (never the hash), revoked, and checked. */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');
  /** hash → who, until when: successful lookups only, so a new key works at once. */
  private readonly cache = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly keys: ApiKeysRepository,
    @Inject(SERVER_SECRET) private readonly secret: SecretSource,
  ) {}

  async create(name: string, role: string): Promise<CreatedApiKey> {
    const problems: Problem[] = [];
    if (typeof name !== 'string' || !NAME.test(name)) problems.push({ path: 'name', message: 'must be 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit' });
    if (!isRole(role)) problems.push({ path: 'role', message: `must be one of ${ROLES.join(', ')}` });
    if (problems.length) throw new InvalidInputError(problems);
    const key = generateApiKey();
    const info = await this.keys.create({ id: randomUUID(), name, role: role as Role, hash: this.hash(key), prefix: keyPrefix(key) });
    if (!info) throw new ConflictError(`name: an unrevoked API key is already named "${name}" (revoke it first, or choose another name)`);
    return { key, info };
  }

  list(): Promise<ApiKeyRow[]> {
    return this.keys.list();
  }

  /** Revokes the unrevoked key with this id, or else this name; it stops working here at once, elsewhere within AUTH_CACHE_MS. */
  async revoke(nameOrId: string): Promise<ApiKeyRow> {
    const revoked = await this.keys.revoke(nameOrId);
    if (!revoked) throw new NotFoundError('unrevoked API key', nameOrId, 'name');
    for (const [hash, entry] of this.cache) if (entry.actor.keyId === revoked.id) this.cache.delete(hash);
    return revoked;
  }

  /** Who a presented key stands for, or null for a malformed, unknown or revoked one. */
  async authenticate(plainKey: string): Promise<Actor | null> {
    if (!looksLikeApiKey(plainKey)) return null;
    const hash = this.hash(plainKey);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.until > now) return cached.actor;
    if (cached) this.cache.delete(hash);
    let found: Actor | null = null;
    for (const row of await this.keys.activeByPrefix(keyPrefix(plainKey))) {
      if (sameHash(row.hash, hash) && !found) found = { name: row.name, role: row.role, keyId: row.id };
    }
    if (!found) return null;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(hash, { actor: found, until: now + AUTH_CACHE_MS });
    const keyId = found.keyId as string;
    void this.keys.touch(keyId).catch((error: unknown) => this.logger.warn(`could not record when key ${keyId} was last used: ${error instanceof Error ? error.message : String(error)}`));
    return found;
  }

  countActive(role: Role): Promise<number> {
    return this.keys.countActive(role);
  }

  private hash(key: string): string {
    return hashApiKey(key, this.secret.get());
  }
}
