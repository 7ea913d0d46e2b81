import { Injectable } from '@nestjs/common';
import { Actor } from '@tadoru/common';
import { int, Neo4jService, QueryRunner } from '@tadoru/graph';
import { ChangeSet } from '@tadoru/map';
import { ChangeRequest, ChangeRequestState } from './change-request';
import { MapDiff } from './map-diff';

export interface RequestPage {
  map: string | null;
  state: ChangeRequestState | null;
  after: { at: string; id: string } | null;
  limit: number;
}

/** The Cypher of change requests. */
@Injectable()
export class ChangeRequestsRepository {
  constructor(private readonly db: Neo4jService) {}

  async create(request: { id: string; map: string; baseVersion: number; description: string | null; author: Actor; change: ChangeSet; diff: MapDiff }): Promise<ChangeRequest> {
    const [row] = await this.db.write('changes.submit', (q) =>
      q.run('changes/create-change-request', {
        id: request.id,
        map: request.map,
        baseVersion: int(request.baseVersion),
        description: request.description,
        authorName: request.author.name,
        authorRole: request.author.role,
        changeJson: JSON.stringify(request.change),
        diffJson: JSON.stringify(request.diff),
      }),
    );
    return toRequest(row.request as Record<string, unknown>);
  }

  async find(id: string): Promise<ChangeRequest | undefined> {
    const [row] = await this.db.read('changes.request', (q) => q.run('changes/change-request', { id }));
    return row ? toRequest(row.request as Record<string, unknown>) : undefined;
  }

  async list(page: RequestPage): Promise<ChangeRequest[]> {
    const rows = await this.db.read('changes.requests', (q) =>
      q.run('changes/list-change-requests', { map: page.map, state: page.state, afterAt: page.after?.at ?? null, afterId: page.after?.id ?? null, limit: int(page.limit) }),
    );
    return rows.map((r) => toRequest(r.request as Record<string, unknown>));
  }

  /** Runs `work` holding the request's lock (one reviewer at a time); undefined when there is no such request. */
  withLocked<T>(id: string, work: (q: QueryRunner, request: ChangeRequest | undefined) => Promise<T>, conflictMessage: string): Promise<T> {
    return this.db.lockedWrite('changes.review', { lockQuery: 'changes/lock-change-request', lockParams: { id }, waitMs: 5_000, conflictMessage, timeoutMs: 10 * 60_000 }, (q, locked) =>
      work(q, locked[0] ? toRequest(locked[0].request as Record<string, unknown>) : undefined),
    );
  }

  async decide(q: QueryRunner, id: string, decision: { state: ChangeRequestState; reviewer: Actor; comment: string | null; appliedVersion: number | null; diff: MapDiff | null }): Promise<{ decided: boolean; request: ChangeRequest }> {
    const [row] = await q.run('changes/decide-change-request', {
      id,
      state: decision.state,
      reviewerName: decision.reviewer.name,
      reviewerRole: decision.reviewer.role,
      comment: decision.comment,
      appliedVersion: decision.appliedVersion === null ? null : int(decision.appliedVersion),
      diffJson: decision.diff ? JSON.stringify(decision.diff) : null,
    });
    return { decided: row.decided === true, request: toRequest(row.request as Record<string, unknown>) };
  }
}

function toRequest(r: Record<string, unknown>): ChangeRequest {
  return {
    id: r.id as string,
    map: r.mapName as string,
    state: r.state as ChangeRequestState,
    description: (r.description as string | null) ?? null,
    author: { name: r.authorName as string, role: r.authorRole as string },
    createdAt: r.createdAt as string,
    baseVersion: r.baseVersion as number,
    change: JSON.parse(r.changeJson as string) as ChangeSet,
    diff: JSON.parse(r.diffJson as string) as MapDiff,
    reviewer: r.reviewerName ? { name: r.reviewerName as string, role: r.reviewerRole as string } : null,
    comment: (r.comment as string | null) ?? null,
    decidedAt: (r.decidedAt as string | null) ?? null,
    appliedVersion: (r.appliedVersion as number | null) ?? null,
  };
}
