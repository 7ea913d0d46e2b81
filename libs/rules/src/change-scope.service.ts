import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@tadoru/common';
import { MapSession } from '@tadoru/graph';
import { LineageService } from '@tadoru/lineage';
import { assetId } from '@tadoru/map';
import { compareFindings, Finding } from './finding';

/** Bounds of the downstream walk from added flows; past them the whole map is re-evaluated. */
const DOWNSTREAM_LIMITS = { maxDepth: 50, maxNodes: 10_000 };

export interface ChangeScope {
  /** Ids of the targets whose findings the change can alter; null: the whole map must be evaluated. */
  targets: string[] | null;
  /** Why the scope is the whole map, when it is. */
  wholeMapBecause?: string;
}

/**
 * Which findings a change to a stored map can alter, so that only those are evaluated again. For
 * added flows: the flows themselves; everything the rules look at through the organizations they
 * join (see `scope/affected-by-flows.cypher`); and everything downstream of what they deliver, whose
 * findings' paths may now run through them. Reads the version being written, in the writer's session.
 */
@Injectable()
export class ChangeScopeService {
  constructor(private readonly lineage: LineageService) {}

  async ofAddedFlows(s: MapSession, flowIds: readonly string[], asOf: string | null = null): Promise<ChangeScope> {
    const [row] = await s.run('scope/affected-by-flows', { flows: [...flowIds] });
    const missing = flowIds.filter((id) => !((row?.found as string[] | undefined) ?? []).includes(id));
    if (missing.length > 0) throw new NotFoundError('flow', missing[0], 'flows');
    const delivered = (row.delivered as Array<{ system: string; categories: string[] }>).flatMap((d) => d.categories.map((c) => assetId(d.system, c)));
    const starts = [...(await this.lineage.assetsByIds(s, delivered)).values()];
    const [walk] = await this.lineage.walk(s, [starts], 'DOWNSTREAM', DOWNSTREAM_LIMITS, asOf);
    if (walk.partial) {
      return { targets: null, wholeMapBecause: `what the flows deliver reaches more than ${DOWNSTREAM_LIMITS.maxNodes} assets or ${DOWNSTREAM_LIMITS.maxDepth} steps downstream` };
    }
    const targets = new Set<string>([...flowIds, ...(row.targets as string[]), ...walk.edges.map((e) => e.via)]);
    return { targets: [...targets].sort() };
  }
}

/** The findings of a full scan, given the findings before a change and a scoped evaluation after it. */
export function applyScopedFindings(before: readonly Finding[], scoped: readonly Finding[], scope: ChangeScope): Finding[] {
  if (scope.targets === null) return [...scoped].sort(compareFindings);
  const evaluated = new Set(scope.targets);
  return [...before.filter((f) => !evaluated.has(f.target.id)), ...scoped].sort(compareFindings);
}
