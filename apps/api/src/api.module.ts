import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { join } from 'node:path';
import { GraphConnectionConfig, GraphModule, projectRoot } from '@tadoru/graph';
import { LineageModule } from '@tadoru/lineage';
import { CatalogModule, CatalogService, MapDirectoryService } from '@tadoru/catalog';
import { StoreModule } from '@tadoru/store';
import { RulesModule } from '@tadoru/rules';
import { RecipientsModule } from '@tadoru/recipients';
import { ChangesModule } from '@tadoru/changes';
import { ReportsModule } from '@tadoru/reports';
import { ELEMENT_RESOLVERS } from './catalog/element-relations';
import { MapElementsResolver } from './catalog/map-elements.resolver';
import { ApiAuthModule, ApiAuthSettings } from './graphql/api-auth.module';
import { AuthGuard } from './graphql/auth.guard';
import { depthLimitRule } from './graphql/depth-limit.rule';
import { formatGraphQLError } from './graphql/format-error';
import { GqlContext, Loaders } from './graphql/loaders';
import { MapPins } from './graphql/map-pins';
import { RequestAuthenticator } from './graphql/request-authenticator';
import { snapshotConsistencyPlugin } from './graphql/snapshot-consistency.plugin';
import { HealthController } from './health/health.controller';
import { ReportResolver } from './reports/report.resolver';
import { ReportsController } from './reports/reports.controller';
import { FindingExplanationResolver } from './findings/finding-explanation.resolver';
import { FindingsResolver } from './findings/findings.resolver';
import { RulesResolver } from './findings/rules.resolver';
import { LineageNodeResolver } from './lineage/lineage-node.resolver';
import { LineageResolver } from './lineage/lineage.resolver';
import { ApiKeysResolver } from './keys/api-keys.resolver';
import { CreateApiKeyResolver } from './keys/create-api-key.resolver';
import { RevokeApiKeyResolver } from './keys/revoke-api-key.resolver';
import { ViewerResolver } from './keys/viewer.resolver';
import { MapsResolver } from './maps/maps.resolver';
import { PersonTraceResolver } from './recipients/person-trace.resolver';
import { RecipientRowResolver } from './recipients/recipient-row.resolver';
import { RecipientsResolver } from './recipients/recipients.resolver';
import { ApplyChangeResolver } from './changes/apply-change.resolver';
import { ChangeRequestsResolver } from './changes/change-requests.resolver';
import { HistoryResolver } from './changes/history.resolver';
import { ProposeChangeResolver } from './changes/propose-change.resolver';

export interface ApiOptions {
  connection: GraphConnectionConfig;
  /** Write the generated schema to apps/api/schema.gql (development and the `schema` command). */
  writeSchema?: boolean;
  maxDepth?: number;
  /** Identity: loopback access and the server secret (defaults from the environment). */
  auth?: ApiAuthSettings;
}

export const SCHEMA_FILE = 'apps/api/schema.gql';

/** Every resolver of the API: the schema is generated from these. */
export const API_RESOLVERS = [
  MapsResolver,
  MapElementsResolver,
  ...ELEMENT_RESOLVERS,
  FindingsResolver,
  FindingExplanationResolver,
  RulesResolver,
  LineageResolver,
  LineageNodeResolver,
  RecipientsResolver,
  PersonTraceResolver,
  RecipientRowResolver,
  ProposeChangeResolver,
  ApplyChangeResolver,
  ChangeRequestsResolver,
  HistoryResolver,
  ViewerResolver,
  ApiKeysResolver,
  CreateApiKeyResolver,
  RevokeApiKeyResolver,
  ReportResolver,
];

@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    const auth = ApiAuthModule.forRoot(options.auth);
    return {
      module: ApiModule,
      imports: [
        GraphModule.forRoot(options.connection),
        CatalogModule,
        StoreModule,
        LineageModule,
        RulesModule,
        RecipientsModule,
        ChangesModule,
        ReportsModule,
        auth,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CatalogModule, auth],
          inject: [CatalogService, MapDirectoryService, RequestAuthenticator],
          useFactory: (catalog: CatalogService, directory: MapDirectoryService, authenticator: RequestAuthenticator) => {
            const fresh = (): GqlContext => ({ loaders: new Loaders(catalog), pins: new MapPins(directory) });
            // The identity was decided by the gate in front of /graphql (graphql-gate.middleware.ts), once per request.
            const context = async ({ req }: { req: Request }): Promise<GqlContext> => ({ ...fresh(), actor: (await authenticator.identify(req)).actor });
            return {
              autoSchemaFile: options.writeSchema ? join(projectRoot(), SCHEMA_FILE) : true,
              sortSchema: true,
              playground: false,
              introspection: true,
              includeStacktraceInErrorResponses: false,
              validationRules: [depthLimitRule(options.maxDepth ?? 12)],
              context,
              // Guards run for field resolvers too: each declares its permission (fails closed otherwise).
              fieldResolverEnhancers: ['guards'],
              plugins: [snapshotConsistencyPlugin((previous) => ({ ...fresh(), actor: previous.actor }))],
              formatError: formatGraphQLError,
            };
          },
        }),
      ],
      controllers: [HealthController, ReportsController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        ...API_RESOLVERS,
      ],
    };
  }
}
