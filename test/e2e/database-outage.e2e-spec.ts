import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api.factory';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from '@tadoru/neo4j-launcher';
import { gql } from '../support/test-api';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('when Neo4j is down', () => {
  let app: INestApplication;
  let neo4j: EmbeddedNeo4j | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    app = await createApiApp({ connection: { uri: `bolt://127.0.0.1:${port}`, database: 'neo4j', txTimeoutMs: 10_000 }, auth: { loopbackAccess: 'admin' } }, false);
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await neo4j?.stop();
  });

  it('fails fast with UNAVAILABLE, says so on /health, and recovers by itself when the database returns', async () => {
    const started = Date.now();
    const down = await gql(app, '{ maps { name } }');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.errors?.[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(down.errors?.[0].message).not.toMatch(/bolt|127\.0\.0\.1|ServiceUnavailable/);
    const health = await request(app.getHttpServer()).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'degraded', database: 'unavailable' });

    neo4j = await startEmbeddedNeo4j({ port, heap: '512m', pageCache: '64m' });
    const up = await gql(app, '{ maps { name } }');
    expect(up.errors).toBeUndefined();
    expect(up.data.maps).toEqual([]);
    expect((await request(app.getHttpServer()).get('/health')).status).toBe(200);
  });
});
