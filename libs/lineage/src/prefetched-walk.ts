import { Expand, ExpandedEdge, LEVEL_ROW_FACTOR, WalkLimits } from './asset-walk';

/** One step out of an asset, as the neighbourhood query returns it (in the walk's direction). */
export interface NeighbourEdge {
  from: string;
  to: string;
  kind: ExpandedEdge['kind'];
  via: string;
  reached: ExpandedEdge['reached'];
}

/**
 * The edges out of the assets near a walk's starts, fetched in one statement, each asset's edges in
 * the order the level query returns them (flow or derivation position in the map, then the
 * category's, then the far asset's id) and cut where a level could never use more.
 */
export type Neighbourhood = Map<string, NeighbourEdge[]>;

/** How many assets a neighbourhood fetch takes, and how many edges per asset, for a walk with these limits. */
export function neighbourhoodBounds(limits: Pick<WalkLimits, 'maxNodes'>): { nodeCap: number; perNode: number } {
  // A level's rows are cut at maxNodes * LEVEL_ROW_FACTOR plus its frontier (at most maxNodes):
  // beyond that, no asset's edges can matter to the walk.
  return { nodeCap: limits.maxNodes * 2 + 1, perNode: limits.maxNodes * (LEVEL_ROW_FACTOR + 1) + 1 };
}

/**
 * A level expansion from a prefetched neighbourhood: the same rows, in the same order and cut at the
 * same limit, as the level query (`lineage/expand-*.cypher`) would return, so the walk's answer is
 * exactly the one a round trip per level gives. A level that reaches an asset outside the
 * neighbourhood goes to the database as before.
 */
export function expandFrom(neighbourhood: Neighbourhood, fallback: Expand): Expand {
  return async (frontier, limit) => {
    if (!frontier.every((f) => neighbourhood.has(f.asset))) return fallback(frontier, limit);
    const rows: ExpandedEdge[] = [];
    for (const item of frontier) {
      for (const edge of neighbourhood.get(item.asset) as NeighbourEdge[]) {
        if (rows.length === limit) return rows;
        rows.push({ search: item.search, from: edge.from, to: edge.to, kind: edge.kind, via: edge.via, reached: edge.reached });
      }
    }
    return rows;
  };
}
