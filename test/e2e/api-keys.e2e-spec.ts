import { ConsoleLogger, INestApplication, Logger } from '@nestjs/common';
import request from 'supertest';
import { AUTH_CACHE_MS, generateApiKey, Role } from '@tadoru/auth';
import { Neo4jService } from '@tadoru/graph';
import { createApiApp } from '../../apps/api/src/api.factory';
import { codesOf, createTestApi, createTestKey, gql, TEST_SECRET } from '../support/test-api';
import { testConnection, uniqueMapName } from '../support/test-database';

const VIEWER = '{ viewer { name role } }';
const CREATE = 'mutation($name: String!, $role: ApiKeyRole!) { createApiKey(name: $name, role: $role) { key apiKey { id name role prefix createdAt revokedAt } } }';
const REVOKE = 'mutation($name: String!) { revokeApiKey(name: $name) { id name revokedAt } }';

describe('API keys and roles (real Neo4j)', () => {
  let app: INestApplication;
  let closed: INestApplication;

  beforeAll(async () => {
    app = await createTestApi();
    closed = await createTestApi({ loopbackAccess: 'off' });
  });
  afterAll(async () => {
    await app.close();
    await closed.close();
  });

  it('serves loopback without a key as the local admin, and judges a request with a key by its key', async () => {
    expect((await gql(app, VIEWER)).data.viewer).toEqual({ name: 'local-admin', role: 'ADMIN' });
    const name = uniqueMapName('dpo');
    const key = await createTestKey(app, name, Role.DPO);
    expect((await gql(app, VIEWER, {}, { key })).data.viewer).toEqual({ name, role: 'DPO' });
    const viaHeader = await request(app.getHttpServer()).post('/graphql').set('x-api-key', key).send({ query: VIEWER });
    expect(viaHeader.body.data.viewer).toEqual({ name, role: 'DPO' });
    // on loopback, a DPO key is a DPO: deleting a map is forbidden
    const denied = await gql(app, 'mutation { deleteMap(name: "no-such-map") { deleted } }', {}, { key });
    expect(codesOf(denied)).toEqual(['FORBIDDEN']);
    expect(denied.errors?.[0].message).toBe(`deleteMap needs the "delete" permission, which roles ADMIN have; "${name}" has role DPO`);
  });

  it('refuses an unknown or malformed key with UNAUTHENTICATED, on loopback too, before running anything', async () => {
    for (const key of [generateApiKey(), 'tdr_nonsense', 'not-a-key']) {
      const res = await request(app.getHttpServer()).post('/graphql').set('authorization', `Bearer ${key}`).send({ query: VIEWER });
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([{ message: 'the API key is unknown or revoked', extensions: { code: 'UNAUTHENTICATED' } }]);
      expect(JSON.stringify(res.body)).not.toContain(key);
    }
  });

  it('refuses a keyless request with loopback access off, and one forwarded by a proxy, even introspection', async () => {
    for (const [target, headers] of [
      [closed, {}],
      [app, { 'x-forwarded-for': '203.0.113.7' }],
      [app, { forwarded: 'for=203.0.113.7' }],
    ] as Array<[INestApplication, Record<string, string>]>) {
      for (const query of [VIEWER, '{ __schema { queryType { name } } }', '{ nosuchfield }']) {
        const res = await request(target.getHttpServer()).post('/graphql').set(headers).send({ query });
        expect(res.status).toBe(401);
        expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(res.body.errors[0].message).toContain('an API key is required');
        expect(res.body.data).toBeUndefined();
      }
    }
    const key = await createTestKey(app, uniqueMapName('auditor'), Role.AUDITOR);
    expect((await gql(closed, VIEWER, {}, { key })).data.viewer.role).toBe('AUDITOR');
    expect((await gql(app, VIEWER, {}, { key, headers: { 'x-forwarded-for': '203.0.113.7' } })).data.viewer.role).toBe('AUDITOR');
  });

  it('keeps the playground page and assets and the health status open, with loopback access off', async () => {
    const page = await request(closed.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('GraphiQL');
    expect((await request(closed.getHttpServer()).get('/playground/graphiql.min.js')).status).toBe(200);
    const health = await request(closed.getHttpServer()).get('/health').set('x-forwarded-for', '203.0.113.7');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up' });
    // a GET with a query is an API request, not the page
    expect((await request(closed.getHttpServer()).get('/graphql').query({ query: VIEWER })).status).toBe(401);
  });

  it('creates a key once through the API (ADMIN only), stores only its hash, and lists it without the key', async () => {
    const name = uniqueMapName('architect');
    const created = await gql(app, CREATE, { name, role: 'ARCHITECT' });
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data.createApiKey;
    expect(key).toMatch(/^tdr_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name, role: 'ARCHITECT', prefix: key.slice(0, 12), revokedAt: null });
    expect((await gql(app, VIEWER, {}, { key })).data.viewer).toEqual({ name, role: 'ARCHITECT' });

    const [row] = await app.get(Neo4jService).read('test.keyNode', (q) => q.run('testing/api-key-node', { id: apiKey.id }));
    const props = row.props as Record<string, unknown>;
    expect(Object.keys(props).sort()).toEqual(['activeName', 'createdAt', 'hash', 'id', 'lastUsedAt', 'name', 'prefix', 'role'].sort());
    for (const value of Object.values(props)) {
      expect(String(value)).not.toContain(key);
      expect(String(value)).not.toContain(key.slice(12));
    }
    expect(props.hash).toMatch(/^[0-9a-f]{64}$/);

    const listed = await gql(app, '{ apiKeys { id name role prefix createdAt revokedAt lastUsedAt } }');
    const mine = listed.data.apiKeys.find((k: { id: string }) => k.id === apiKey.id);
    expect(mine).toMatchObject({ name, role: 'ARCHITECT', prefix: key.slice(0, 12) });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(JSON.stringify(listed)).not.toContain(props.hash as string);
  });

  it('validates the name and role, naming the field, and keeps names unique among unrevoked keys', async () => {
    const bad = await gql(app, CREATE, { name: 'has spaces!', role: 'DPO' });
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors?.[0].extensions?.problems?.[0].path).toBe('name');
    expect(bad.errors?.[0].message).toMatch(/^name: /);
    expect(codesOf(await gql(app, CREATE, { name: 'ok', role: 'ROOT' }))).toEqual(['BAD_USER_INPUT']);
    const name = uniqueMapName('twice');
    expect((await gql(app, CREATE, { name, role: 'DPO' })).errors).toBeUndefined();
    const again = await gql(app, CREATE, { name, role: 'AUDITOR' });
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(again.errors?.[0].message).toContain(`already named "${name}"`);
    // once revoked, the name is free again
    expect((await gql(app, REVOKE, { name })).errors).toBeUndefined();
    expect((await gql(app, CREATE, { name, role: 'AUDITOR' })).errors).toBeUndefined();
    expect(codesOf(await gql(app, REVOKE, { name: 'no-such-key' }))).toEqual(['NOT_FOUND']);
  });

  it('stops a revoked key at once on the instance that revoked it, and within the cache period on another', async () => {
    const other = await createTestApi();
    try {
      const name = uniqueMapName('revoked');
      const key = await createTestKey(app, name, Role.ARCHITECT);
      expect((await gql(app, VIEWER, {}, { key })).data.viewer.name).toBe(name);
      expect((await gql(other, VIEWER, {}, { key })).data.viewer.name).toBe(name);
      const revoked = await gql(app, REVOKE, { name });
      expect(revoked.data.revokeApiKey.revokedAt).toEqual(expect.any(String));
      expect(codesOf(await gql(app, VIEWER, {}, { key }))).toEqual(['UNAUTHENTICATED']);
      await new Promise((resolve) => setTimeout(resolve, AUTH_CACHE_MS + 200));
      expect(codesOf(await gql(other, VIEWER, {}, { key }))).toEqual(['UNAUTHENTICATED']);
      // never downgraded to the loopback admin
      expect((await gql(other, VIEWER, {}, { key })).data).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('never writes a key to the log, at the most verbose level, whatever happens to it', async () => {
    const lines: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    let verbose: INestApplication | undefined;
    const keys: string[] = [];
    try {
      // the other apps of this file were made with logging off, which removes Nest's static logger: put one back
      Logger.overrideLogger(new ConsoleLogger());
      verbose = await createApiApp({ connection: testConnection(), auth: { loopbackAccess: 'admin', secret: TEST_SECRET } }, ['log', 'warn', 'error', 'debug', 'verbose']);
      await verbose.init();
      const created = await gql(verbose, CREATE, { name: uniqueMapName('logged'), role: 'DPO' });
      const key = created.data.createApiKey.key as string;
      keys.push(key, generateApiKey());
      await gql(verbose, VIEWER, {}, { key });
      await gql(verbose, 'mutation { deleteMap(name: "x") { deleted } }', {}, { key });
      await gql(verbose, VIEWER, {}, { key: keys[1] });
      await gql(verbose, REVOKE, { name: created.data.createApiKey.apiKey.name });
      await gql(verbose, VIEWER, {}, { key });
      await gql(verbose, 'query { map(name: "no-such-map") { version } }');
    } finally {
      await verbose?.close();
      Logger.overrideLogger(false);
      out.mockRestore();
      err.mockRestore();
    }
    expect(lines.join('').length).toBeGreaterThan(0);
    // Refusals and NOT_FOUND are answers to the caller, not faults of the service: no error line with a stack.
    expect(lines.join('')).not.toContain('ExceptionsHandler');
    for (const key of keys) {
      expect(lines.join('')).not.toContain(key);
      expect(lines.join('')).not.toContain(key.slice(4));
    }
  });
});
