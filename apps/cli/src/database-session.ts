import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuthModule } from '@tadoru/auth';
import { GraphConnectionConfig, GraphModule, MigrationRunner, openDatabase, OpenDatabase, OpenDatabaseOptions } from '@tadoru/graph';
import { LineageModule } from '@tadoru/lineage';
import { CatalogModule } from '@tadoru/catalog';
import { ReportsModule } from '@tadoru/reports';
import { StoreMaintenanceService, StoreModule } from '@tadoru/store';
import { RulesModule } from '@tadoru/rules';
import { RecipientsModule } from '@tadoru/recipients';
import { ChangesModule } from '@tadoru/changes';

@Module({})
class CliWorkModule {
  static forRoot(connection: GraphConnectionConfig): DynamicModule {
    return { module: CliWorkModule, imports: [GraphModule.forRoot(connection), CatalogModule, StoreModule, LineageModule, RulesModule, RecipientsModule, ReportsModule, ChangesModule, AuthModule.forRoot()] };
  }
}

export const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/**
 * Runs `work` with a migrated database and the map services: the external Neo4j from NEO4J_URI, or
 * the embedded one (shared with a running `tadoru serve` when there is one). Always cleans up.
 */
export async function withDatabase<T>(
  work: (ctx: INestApplicationContext, db: OpenDatabase) => Promise<T>,
  options: Partial<OpenDatabaseOptions> & { migrate?: boolean } = {},
): Promise<T> {
  const db = await openDatabase({ storage: options.storage ?? 'persistent', log: options.log ?? progress });
  let ctx: INestApplicationContext | undefined;
  try {
    ctx = await NestFactory.createApplicationContext(CliWorkModule.forRoot(db.connection), { logger: ['error', 'warn'] });
    if (options.migrate !== false) {
      await ctx.get(MigrationRunner).apply();
      await ctx.get(StoreMaintenanceService).upgradeLegacyMaps();
    }
    return await work(ctx, db);
  } finally {
    await ctx?.close();
    await db.close();
  }
}
