import { createHash } from 'node:crypto';
import { InvalidInputError } from './errors';

/**
 * What a cursor pages through: one list (`flows`, `findings`, `recipients`…), of one map version,
 * asked with the same arguments. A cursor from another list, another version or other arguments
 * would silently skip or repeat entries, so it is refused instead.
 */
export interface CursorScope {
  list: string;
  version: number;
  /** Anything else the page depends on (a filter, the question's arguments), as canonical JSON or a digest. */
  question?: string;
}

const VERSION = 1;
// Not a secret: it only makes a hand-built or truncated cursor fail loudly instead of paging wrongly.
const SEAL = 'tadoru-cursor';

/** An opaque cursor: the position after which the next page starts, sealed with its scope. */
export function encodeCursor(scope: CursorScope, position: string): string {
  const payload = Buffer.from(JSON.stringify([VERSION, scope.list, scope.version, digest(scope.question), position]), 'utf8').toString('base64url');
  return `${payload}.${seal(payload)}`;
}

/** The position a cursor of this API encodes, or BAD_USER_INPUT naming `field` and saying what is wrong with it. */
export function decodeCursor(cursor: string, scope: CursorScope, field = 'after'): string {
  const refuse = (message: string): never => {
    throw new InvalidInputError([{ path: field, message }]);
  };
  const [payload, sealed, ...rest] = cursor.split('.');
  if (!payload || !sealed || rest.length > 0 || seal(payload) !== sealed) refuse('is not a cursor this API returned (pass the endCursor of the previous page)');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== 5 || decoded[0] !== VERSION || typeof decoded[4] !== 'string') {
    return refuse('is not a cursor this API returned (pass the endCursor of the previous page)');
  }
  const [, list, version, question, position] = decoded as [number, string, number, string, string];
  if (list !== scope.list) refuse(`is a cursor of the ${list} list, not of ${scope.list}`);
  if (version !== scope.version) refuse(`was issued for version ${version} of the map, which is at version ${scope.version} now: start again from the first page`);
  if (question !== digest(scope.question)) refuse('was issued for other arguments (a different filter or question): start again from the first page');
  return position;
}

function digest(question: string | undefined): string {
  return question === undefined ? '' : createHash('sha256').update(question).digest('base64url').slice(0, 16);
}

function seal(payload: string): string {
  return createHash('sha256').update(`${SEAL}:${payload}`).digest('base64url').slice(0, 12);
}

/** Canonical JSON of arguments (keys sorted, nulls dropped), for `CursorScope.question`. */
export function canonicalArguments(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalArguments).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalArguments(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
