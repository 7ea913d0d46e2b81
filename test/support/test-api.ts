import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { MigrationRunner } from '@tadoru/graph';
import { createApiApp } from '../../apps/api/src/api.factory';
import { testConnection } from './test-database';

/** The API on the test database, migrated (constraints and indexes in place, whichever suite runs first). */
export async function createTestApi(): Promise<INestApplication> {
  const app = await createApiApp({ connection: testConnection() }, false);
  await app.init();
  await app.get(MigrationRunner).apply();
  return app;
}

export interface GqlResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; problems?: { path: string; message: string }[] } }[];
}

export async function gql<T = any>(app: INestApplication, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
  const res = await request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send({ query, variables });
  return res.body as GqlResponse<T>;
}
