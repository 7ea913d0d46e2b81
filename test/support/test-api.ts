import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ApiKeysService, LoopbackAccess, Role } from '@tadoru/auth';
import { MigrationRunner } from '@tadoru/graph';
import { createApiApp } from '../../apps/api/src/api.factory';
import { testConnection } from './test-database';

/** The server secret of the test apps (and of CLI runs that must accept their keys: pass it as TADORU_SECRET). */
export const TEST_SECRET = 'tadoru-test-secret-0123456789abcdef0123456789abcdef';

export interface TestApiOptions {
  /** Default `admin`, explicitly: supertest's requests come from loopback, and the suites send no key. */
  loopbackAccess?: LoopbackAccess;
}

/** The API on the test database, migrated (constraints and indexes in place, whichever suite runs first). */
export async function createTestApi(options: TestApiOptions = {}): Promise<INestApplication> {
  const app = await createApiApp({ connection: testConnection(), auth: { loopbackAccess: options.loopbackAccess ?? 'admin', secret: TEST_SECRET } }, false);
  await app.init();
  await app.get(MigrationRunner).apply();
  return app;
}

export interface GqlResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; problems?: { path: string; message: string }[] } }[];
}

export interface GqlRequestOptions {
  /** Sent as `Authorization: Bearer <key>`. */
  key?: string;
  headers?: Record<string, string>;
}

export async function gql<T = any>(app: INestApplication, query: string, variables: Record<string, unknown> = {}, options: GqlRequestOptions = {}): Promise<GqlResponse<T>> {
  let req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (options.key !== undefined) req = req.set('authorization', `Bearer ${options.key}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
  const res = await req.send({ query, variables });
  return res.body as GqlResponse<T>;
}

/** A new API key with a role, created through the service as `tadoru keys create` does; returns the plain key. */
export async function createTestKey(app: INestApplication, name: string, role: Role): Promise<string> {
  return (await app.get(ApiKeysService).create(name, role)).key;
}

/** The error codes of a response, in order. */
export function codesOf(res: GqlResponse): string[] {
  return (res.errors ?? []).map((e) => e.extensions?.code ?? '');
}
