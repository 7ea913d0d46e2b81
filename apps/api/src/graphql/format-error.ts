import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { StaleChangeError } from '@tadoru/changes';
import { DomainError, InvalidInputError } from '@tadoru/common';

const logger = new Logger('GraphQL');

/** Codes produced by GraphQL itself (parsing, validation, variable coercion) are safe to pass on. */
const GRAPHQL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST']);

/**
 * What a client sees of an error: a stable code and a message that names the field. Domain errors
 * pass through; anything unexpected is logged here and reaches the client only as a generic
 * INTERNAL_SERVER_ERROR, never with a stack trace, driver message or Cypher.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original instanceof InvalidInputError) extensions.problems = original.problems;
    if (original instanceof StaleChangeError && original.freshDiff) extensions.diff = original.freshDiff;
    return { ...base, message: original.message, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code: code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code } };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
