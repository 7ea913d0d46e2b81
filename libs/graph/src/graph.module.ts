import { DynamicModule, Global, Module } from '@nestjs/common';
import { CypherRegistry } from './cypher-registry';
import { GRAPH_CONNECTION, GraphConnectionConfig } from './graph.config';
import { MigrationRunner } from './migration-runner';
import { Neo4jService } from './neo4j.service';

/** The database layer, configured with a connection resolved before Nest starts (see apps/cli). */
@Global()
@Module({})
export class GraphModule {
  static forRoot(connection: GraphConnectionConfig): DynamicModule {
    return {
      module: GraphModule,
      providers: [{ provide: GRAPH_CONNECTION, useValue: connection }, CypherRegistry, Neo4jService, MigrationRunner],
      exports: [GRAPH_CONNECTION, CypherRegistry, Neo4jService, MigrationRunner],
    };
  }
}
