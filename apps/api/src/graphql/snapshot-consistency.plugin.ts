import { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import { execute } from 'graphql';
import { formatGraphQLError } from './format-error';
import { GqlContext } from './loaders';

/** An answer read while in-place writes kept landing is computed again at most this many times. */
const MAX_REREADS = 3;

/**
 * Every GraphQL query reads one version of each map it names (`MapPins`). A whole-map write never
 * disturbs a pinned version (it is written beside it), but a small write lands in place: when one
 * landed on a pinned version while the query ran, its fields may mix two versions, so the query is
 * executed again, on the version now current, by the same caller. Mutations are never executed twice.
 */
export function snapshotConsistencyPlugin(newContext: (previous: GqlContext) => GqlContext): ApolloServerPlugin<GqlContext> {
  const logger = new Logger('SnapshotConsistency');
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          const { document, operation, response, schema } = request;
          if (!document || operation?.operation !== 'query' || response.body.kind !== 'single') return;
          let context = request.contextValue;
          for (let attempt = 1; (await context.pins.changed()).length > 0; attempt++) {
            if (attempt > MAX_REREADS) {
              logger.warn(`a query read maps that kept changing in place; answered after ${MAX_REREADS} re-reads`);
              return;
            }
            context = newContext(context);
            const result = await execute({
              schema,
              document,
              variableValues: request.request.variables,
              operationName: request.request.operationName,
              contextValue: context,
            });
            response.body = { kind: 'single', singleResult: { ...result, errors: result.errors?.map((e) => formatGraphQLError(e.toJSON(), e)) } };
          }
        },
      };
    },
  };
}
