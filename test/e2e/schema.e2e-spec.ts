import { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema } from 'graphql';
import { createTestApi } from '../support/test-api';

describe('the committed GraphQL schema', () => {
  let app: INestApplication;
  beforeAll(async () => (app = await createTestApi()));
  afterAll(() => app.close());

  it('matches the code (regenerate with `npm run schema`)', () => {
    const generated = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema));
    const committed = readFileSync(join(__dirname, '../../apps/api/schema.gql'), 'utf8').replace(/^#.*\n/gm, '').trim();
    expect(committed).toEqual(generated.trim());
  });
});
