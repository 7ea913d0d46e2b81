import { IntrinsicException } from '@nestjs/common';

/**
 * Domain errors carry a stable code that the API hands to clients unchanged.
 * They never carry Cypher, driver internals or stack traces in their message.
 */
export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'UNAVAILABLE';

export interface Problem {
  /** The file the problem is in, when several files were given together. */
  file?: string;
  /** Where the offending value is, e.g. `flows[3].from`, or the GraphQL argument name. */
  path: string;
  message: string;
}

/**
 * Nest logs every error a resolver throws as an ERROR with its stack, unless it is an
 * IntrinsicException: a user's mistake (NOT_FOUND, CONFLICT, BAD_USER_INPUT…) is an answer, not a
 * fault of the service, so domain errors are intrinsic; unexpected ones are still logged (format-error).
 */
export abstract class DomainError extends IntrinsicException {
  abstract readonly code: ErrorCode;
}

/** Input that cannot be accepted; `problems` lists every issue found, each with its path. */
export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    readonly problems: Problem[],
    summary?: string,
  ) {
    super(summary ?? InvalidInputError.summarise(problems));
  }

  static summarise(problems: Problem[]): string {
    if (problems.length === 0) return 'invalid input';
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    return `${first.path}: ${first.message}${more}`;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field?: string,
  ) {
    super(`${entity} "${id}" not found`);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}

export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE' as const;
  constructor(message = 'the database is unavailable; try again shortly') {
    super(message);
  }
}

/** No identity: the request carries no API key (and is not served as the local admin), or an unknown or revoked one. Never names the key. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED' as const;
}

/** An identity whose role does not hold the permission the operation needs. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}
