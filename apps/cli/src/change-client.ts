import { readFileSync, existsSync, statSync } from 'node:fs';
import { ConflictError, DomainError, ErrorCode, InvalidInputError, Problem, UnavailableError } from '@tadoru/common';
import { ApplyOutcome, ChangesService, FailOn, MapDiff } from '@tadoru/changes';
import { cliActor } from './cli-actor';
import { withDatabase } from './database-session';

/** Where `propose` and `apply` send a change set: the service's database, or a running service over HTTP. */
export interface ChangeTarget {
  url?: string;
  key?: string;
}

/** An error the service answered with, kept with its code (so the exit status follows it). */
export class ServiceError extends DomainError {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a change set file; a missing one is reported like any other input problem. */
export function readChangeFile(file: string): { text: string; format: 'yaml' | 'json' } {
  const problems: Problem[] = [];
  if (!existsSync(file)) problems.push({ file, path: '(file)', message: 'no such file' });
  else if (statSync(file).isDirectory()) problems.push({ file, path: '(file)', message: 'is a directory, not a change set file' });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { text: readFileSync(file, 'utf8'), format: /\.json$/i.test(file) ? 'json' : 'yaml' };
}

export async function proposeChange(target: ChangeTarget, map: string, file: string): Promise<MapDiff> {
  const { text, format } = readChangeFile(file);
  if (target.url) {
    const data = await graphql(target, `mutation ($map: String!, $content: String!, $format: MapFormat) { proposeChange(map: $map, content: $content, format: $format) { ${DIFF_FIELDS} } }`, { map, content: text, format: format.toUpperCase() });
    return (data as { proposeChange: MapDiff }).proposeChange;
  }
  return withDatabase(async (ctx) => {
    const changes = ctx.get(ChangesService);
    return changes.propose(map, changes.changeSetOf({ content: text, format }), cliActor());
  });
}

export async function applyChange(target: ChangeTarget, map: string, file: string, expectedVersion: number, failOn: FailOn): Promise<ApplyOutcome> {
  const { text, format } = readChangeFile(file);
  if (target.url) {
    const data = await graphql(
      target,
      `mutation ($map: String!, $content: String!, $format: MapFormat, $expectedVersion: Int!, $failOn: FailOn) { applyChange(map: $map, content: $content, format: $format, expectedVersion: $expectedVersion, failOn: $failOn) { applied diff { ${DIFF_FIELDS} } } }`,
      { map, content: text, format: format.toUpperCase(), expectedVersion, failOn },
    );
    return (data as { applyChange: ApplyOutcome }).applyChange;
  }
  return withDatabase(async (ctx) => {
    const changes = ctx.get(ChangesService);
    return changes.apply(map, changes.changeSetOf({ content: text, format }), expectedVersion, cliActor(), failOn);
  });
}

const FINDING_FIELDS = 'rule severity target { kind id } affectedPeople path message messageJa';
const STATE_FIELDS = 'affectedPeople message messageJa';
const RECIPIENT_FIELDS = 'organization system category flow purposes derived';
const COUNTS = 'critical high medium low';
export const DIFF_FIELDS =
  `map baseVersion version introduced { ${FINDING_FIELDS} } resolved { ${FINDING_FIELDS} } ` +
  `changed { rule severity target { kind id } before { ${STATE_FIELDS} } after { ${STATE_FIELDS} } } ` +
  `recipients { added { ${RECIPIENT_FIELDS} } removed { ${RECIPIENT_FIELDS} } } elements { added changed retired removed } ` +
  `summary { introduced { ${COUNTS} } resolved { ${COUNTS} } }`;

interface GraphQLError {
  message: string;
  extensions?: { code?: string; problems?: Problem[] };
}

/** One GraphQL request to a running service; its errors become the CLI's own (and so its exit codes). */
async function graphql(target: ChangeTarget, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const key = target.key ?? process.env.TADORU_API_KEY;
  let response: Response;
  try {
    response = await fetch(new URL('/graphql', target.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new UnavailableError(`cannot reach ${target.url}: ${(error as Error).message}`);
  }
  let body: { data?: unknown; errors?: GraphQLError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new UnavailableError(`${target.url} did not answer with GraphQL (HTTP ${response.status})`);
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'BAD_USER_INPUT') throw new InvalidInputError(error.extensions?.problems ?? [{ path: '(change)', message: error.message }]);
    if (code === 'CONFLICT') throw new ConflictError(error.message);
    if (code === 'NOT_FOUND') throw new ServiceError('NOT_FOUND', error.message);
    if (code === 'UNAVAILABLE') throw new UnavailableError(error.message);
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') throw new ServiceError('FORBIDDEN', `${error.message} (give an API key with --key or TADORU_API_KEY)`);
    throw new Error(error.message);
  }
  return body.data;
}
