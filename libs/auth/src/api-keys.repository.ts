import { Injectable } from '@nestjs/common';
import { Neo4jService, Row } from '@tadoru/graph';
import { Role } from './roles';

/** A key as listed: everything but the hash. */
export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** What authentication compares: an unrevoked key's hash and who it stands for. */
export interface ApiKeyCredentialRow {
  id: string;
  name: string;
  role: Role;
  hash: string;
}

export interface NewApiKeyRow {
  id: string;
  name: string;
  role: Role;
  hash: string;
  prefix: string;
}

/** The ApiKey nodes (cypher/queries/auth). */
@Injectable()
export class ApiKeysRepository {
  constructor(private readonly db: Neo4jService) {}

  /** Creates the key unless an unrevoked one has the name (then returns undefined). */
  create(key: NewApiKeyRow): Promise<ApiKeyRow | undefined> {
    return this.db.write('auth.createKey', async (q) => {
      if ((await q.run('auth/active-key-named', { name: key.name })).length > 0) return undefined;
      const [row] = await q.run('auth/create-api-key', { ...key });
      return toKeyRow(row.key as Row);
    });
  }

  async list(): Promise<ApiKeyRow[]> {
    return (await this.db.readStatement('auth.listKeys', 'auth/list-api-keys', {})).map((r) => toKeyRow(r.key as Row));
  }

  async activeByPrefix(prefix: string): Promise<ApiKeyCredentialRow[]> {
    const rows = await this.db.readStatement('auth.keysByPrefix', 'auth/active-keys-by-prefix', { prefix });
    return rows.map((r) => ({ id: r.id as string, name: r.name as string, role: r.role as Role, hash: r.hash as string }));
  }

  async revoke(ref: string): Promise<ApiKeyRow | undefined> {
    const [row] = await this.db.write('auth.revokeKey', (q) => q.run('auth/revoke-api-key', { ref }));
    return row ? toKeyRow(row.key as Row) : undefined;
  }

  async touch(id: string): Promise<void> {
    await this.db.write('auth.touchKey', (q) => q.run('auth/touch-api-key', { id }));
  }

  async countActive(role: Role): Promise<number> {
    const [row] = await this.db.readStatement('auth.countKeys', 'auth/count-active-keys-with-role', { role });
    return Number(row?.count ?? 0);
  }
}

function toKeyRow(r: Row): ApiKeyRow {
  return {
    id: r.id as string,
    name: r.name as string,
    role: r.role as Role,
    prefix: r.prefix as string,
    createdAt: r.createdAt as string,
    revokedAt: (r.revokedAt as string | null) ?? null,
    lastUsedAt: (r.lastUsedAt as string | null) ?? null,
  };
}
