import { INestApplicationContext, Module, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { GraphConnectionConfig, GraphModule, MigrationRunner } from '@tadoru/graph';
import { LineageModule } from '@tadoru/lineage';
import { CatalogModule } from '@tadoru/catalog';
import { ReportsModule } from '@tadoru/reports';
import { StoreModule } from '@tadoru/store';
import { RulesModule } from '@tadoru/rules';
import { RecipientsModule } from '@tadoru/recipients';
import { ChangesModule } from '@tadoru/changes';

/** The Neo4j the global setup started (or NEO4J_URI). */
export function testConnection(): GraphConnectionConfig {
  const uri = process.env.TADORU_TEST_NEO4J_URI;
  if (!uri) throw new Error('TADORU_TEST_NEO4J_URI is not set: run the tests through jest.config.js (npm test)');
  return {
    uri,
    user: process.env.NEO4J_URI ? process.env.NEO4J_USER : undefined,
    password: process.env.NEO4J_URI ? process.env.NEO4J_PASSWORD : undefined,
    database: (process.env.NEO4J_URI && process.env.NEO4J_DATABASE) || 'neo4j',
    // Generous: a cold first import on a busy 2-core machine can take tens of seconds.
    txTimeoutMs: 120_000,
  };
}

/** A map name no other test uses, so suites never see each other's data. */
export function uniqueMapName(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

@Module({})
class TestGraphModule {
  static forRoot(connection: GraphConnectionConfig): DynamicModule {
    return { module: TestGraphModule, imports: [GraphModule.forRoot(connection), CatalogModule, StoreModule, LineageModule, RulesModule, RecipientsModule, ReportsModule, ChangesModule] };
  }
}

/** The graph, map, lineage, rule and trace services on the test database, migrated. */
export async function createTestContext(): Promise<INestApplicationContext> {
  const ctx = await NestFactory.createApplicationContext(TestGraphModule.forRoot(testConnection()), { logger: ['error'] });
  await ctx.get(MigrationRunner).apply();
  return ctx;
}
