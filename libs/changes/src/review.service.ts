import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, ConflictError, InvalidInputError, NotFoundError, Problem } from '@tadoru/common';
import { ChangeSet } from '@tadoru/map';
import { CHANGE_REQUEST_STATES, ChangeRequest, ChangeRequestState } from './change-request';
import { ChangeRequestsRepository } from './change-requests.repository';
import { ChangesService } from './changes.service';
import { MapDiff } from './map-diff';

const MAX_COMMENT = 2_000;
const MAX_PAGE = 200;

/** A CONFLICT that carries what the change would do now, on the version the map has moved to. */
export class StaleChangeError extends ConflictError {
  constructor(
    message: string,
    readonly freshDiff: MapDiff | null,
  ) {
    super(message);
  }
}

/**
 * Review before go-live: an architect submits a proposal as a pending request (with the diff it
 * showed); a DPO approves it — applied only onto the version it was checked on — or rejects it
 * with a comment. A request is decided once.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly requests: ChangeRequestsRepository,
    private readonly changes: ChangesService,
  ) {}

  async submit(map: string, change: ChangeSet, author: Actor): Promise<ChangeRequest> {
    const diff = await this.changes.propose(map, change, author);
    return this.requests.create({ id: randomUUID(), map, baseVersion: diff.baseVersion ?? 0, description: change.description ?? null, author, change, diff });
  }

  /**
   * Applies a pending request onto its base version and marks it approved. When the map has moved
   * on, nothing is written and the CONFLICT carries a fresh diff against the current version
   * (the architect submits again).
   */
  async approve(id: string, reviewer: Actor, comment: string | null = null): Promise<ChangeRequest> {
    checkComment(comment, false);
    return this.requests.withLocked(
      id,
      async (q, request) => {
        const open = this.openRequest(id, request);
        let applied;
        try {
          // The history names the approver as actor, and the request and its author in the description.
          const described = { ...open.change, description: `${open.change.description ?? 'change'} (change request ${open.id} by ${open.author.name}, approved by ${reviewer.name})` };
          applied = await this.changes.apply(open.map, described, open.baseVersion, reviewer);
        } catch (error) {
          if (!(error instanceof ConflictError) || error instanceof StaleChangeError) throw error;
          const fresh = await this.changes.propose(open.map, open.change, reviewer).catch(() => null);
          throw new StaleChangeError(`${error.message}; the request stays pending (its diff against the current version is in extensions.diff)`, fresh);
        }
        const decided = await this.requests.decide(q, id, { state: 'APPROVED', reviewer, comment, appliedVersion: applied.diff.version, diff: applied.diff });
        return decided.request;
      },
      `change request "${id}" is being reviewed by someone else; try again in a moment`,
    );
  }

  async reject(id: string, reviewer: Actor, comment: string): Promise<ChangeRequest> {
    checkComment(comment, true);
    return this.requests.withLocked(
      id,
      async (q, request) => {
        this.openRequest(id, request);
        return (await this.requests.decide(q, id, { state: 'REJECTED', reviewer, comment, appliedVersion: null, diff: null })).request;
      },
      `change request "${id}" is being reviewed by someone else; try again in a moment`,
    );
  }

  async find(id: string): Promise<ChangeRequest> {
    const request = await this.requests.find(id);
    if (!request) throw new NotFoundError('change request', id, 'id');
    return request;
  }

  async list(filter: { map?: string | null; state?: string | null }, page: { first: number; after?: string | null }): Promise<{ requests: ChangeRequest[]; hasNextPage: boolean; endCursor: string | null }> {
    const problems: Problem[] = [];
    if (filter.state && !(CHANGE_REQUEST_STATES as readonly string[]).includes(filter.state)) problems.push({ path: 'state', message: `must be one of ${CHANGE_REQUEST_STATES.join(', ')}` });
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_PAGE) problems.push({ path: 'first', message: `must be 0 to ${MAX_PAGE}, got ${page.first}` });
    const after = page.after ? decodeRequestCursor(page.after, problems) : null;
    if (problems.length > 0) throw new InvalidInputError(problems);
    const rows = await this.requests.list({ map: filter.map ?? null, state: (filter.state as ChangeRequestState | null) ?? null, after, limit: page.first + 1 });
    const requests = rows.slice(0, page.first);
    const last = requests[requests.length - 1];
    return { requests, hasNextPage: rows.length > page.first, endCursor: last ? Buffer.from(JSON.stringify([last.createdAt, last.id])).toString('base64url') : null };
  }

  private openRequest(id: string, request: ChangeRequest | undefined): ChangeRequest {
    if (!request) throw new NotFoundError('change request', id, 'id');
    if (request.state !== 'PENDING') {
      const by = request.reviewer ? ` by ${request.reviewer.name} (${request.reviewer.role})` : '';
      throw new ConflictError(`change request "${id}" was already ${request.state.toLowerCase()}${by}${request.decidedAt ? ` at ${request.decidedAt}` : ''}`);
    }
    return request;
  }
}

function checkComment(comment: string | null, required: boolean): void {
  const problems: Problem[] = [];
  if (required && (!comment || comment.trim().length === 0)) problems.push({ path: 'comment', message: 'say why the change is rejected: the architect reads it' });
  if (comment && comment.length > MAX_COMMENT) problems.push({ path: 'comment', message: `at most ${MAX_COMMENT} characters, got ${comment.length}` });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function decodeRequestCursor(cursor: string, problems: Problem[]): { at: string; id: string } | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // reported below
  }
  problems.push({ path: 'after', message: 'not a cursor of this list: pass pageInfo.endCursor of the previous page' });
  return null;
}
