import { ConflictError, DomainError, UnavailableError } from '@tadoru/common';

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/**
 * Turns driver errors into domain errors. Anything not recognised is rethrown as is; the API's
 * error formatter hides it behind a generic message.
 */
export function translateNeo4jError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (typeof code !== 'string') return error;
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General')) return new UnavailableError();
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('the change conflicts with data already stored (a duplicate id)');
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new UnavailableError('the query took too long and was stopped; narrow it (fewer items, a smaller depth) and try again');
  }
  return error;
}
