/**
 * Bounded breadth-first expansion over DataAsset—FEEDS, one database round trip per level for any
 * number of independent searches at once. Distinct nodes, never paths: a diamond or a cycle costs
 * one visit per asset, so the work is bounded by `maxNodes` and `maxDepth` whatever the graph.
 */

export type Direction = 'DOWNSTREAM' | 'UPSTREAM';
export type StepKind = 'FLOW' | 'DERIVATION';

/** One FEEDS relationship as crossed by a walk (always oriented in the data's direction). */
export interface FeedEdge {
  /** Asset the data came from, `system/category`. */
  from: string;
  to: string;
  kind: StepKind;
  /** The flow or derivation id. */
  via: string;
}

/** What the database returns for one expansion: the edge, and the asset at its far end. */
export interface ExpandedEdge extends FeedEdge {
  /** The search the frontier asset belongs to. */
  search: number;
  /** The asset newly reached (`to` downstream, `from` upstream). */
  reached: AssetRef;
}

export interface AssetRef {
  id: string;
  system: string;
  category: string;
  /** Some collection at the system gathers the category: lineage starts here. */
  collected?: boolean;
}

export interface WalkedNode extends AssetRef {
  depth: number;
  /** Edges from nodes one level closer to the start: every way this asset was first reached. */
  reachedVia: FeedEdge[];
}

export interface WalkResult {
  nodes: Map<string, WalkedNode>;
  /** Every edge crossed between visited assets, including those into already-visited ones. */
  edges: FeedEdge[];
  partial: boolean;
  /** Why the answer was cut, when it was. */
  cutBy: Array<'maxDepth' | 'maxNodes'>;
}

export interface WalkLimits {
  maxDepth: number;
  maxNodes: number;
  /** Stop a search at the first node for which this holds (e.g. "collected"); undefined: walk all. */
  stopAt?: (node: AssetRef) => boolean;
}

/** Expands the frontier of every search by one step; `limit` bounds the rows it may return. */
export type Expand = (frontier: Array<{ search: number; asset: string }>, limit: number) => Promise<ExpandedEdge[]>;

/** Row budget of one level's query: a hub cannot make one round trip unbounded. */
export const LEVEL_ROW_FACTOR = 4;

export async function walkAssets(starts: AssetRef[][], limits: WalkLimits, expand: Expand): Promise<WalkResult[]> {
  const results: WalkResult[] = starts.map(() => ({ nodes: new Map(), edges: [], partial: false, cutBy: [] }));
  const done = starts.map(() => false);
  let frontier: Array<{ search: number; asset: string }> = [];

  starts.forEach((assets, search) => {
    for (const asset of assets) {
      if (results[search].nodes.has(asset.id)) continue;
      if (results[search].nodes.size >= limits.maxNodes) {
        cut(results[search], 'maxNodes');
        break;
      }
      results[search].nodes.set(asset.id, { ...asset, depth: 0, reachedVia: [] });
      frontier.push({ search, asset: asset.id });
      if (limits.stopAt?.(asset)) done[search] = true;
    }
  });
  frontier = frontier.filter((f) => !done[f.search]);

  for (let depth = 1; frontier.length > 0; depth++) {
    const budget = limits.maxNodes * LEVEL_ROW_FACTOR + frontier.length;
    const rows = await expand(frontier, budget + 1);
    if (depth > limits.maxDepth) {
      // One look past the limit tells whether the limit cut anything.
      for (const row of rows) if (!results[row.search].nodes.has(row.reached.id)) cut(results[row.search], 'maxDepth');
      break;
    }
    if (rows.length > budget) {
      // The level was cut by the row budget: its searches are partial whatever happens next.
      for (const s of new Set(frontier.map((f) => f.search))) cut(results[s], 'maxNodes');
    }
    const next: Array<{ search: number; asset: string }> = [];
    for (const row of rows.slice(0, budget)) {
      const result = results[row.search];
      if (done[row.search]) continue;
      const edge: FeedEdge = { from: row.from, to: row.to, kind: row.kind, via: row.via };
      const known = result.nodes.get(row.reached.id);
      if (known) {
        result.edges.push(edge);
        if (known.depth === depth) known.reachedVia.push(edge);
        continue;
      }
      if (result.nodes.size >= limits.maxNodes) {
        cut(result, 'maxNodes');
        continue;
      }
      result.edges.push(edge);
      result.nodes.set(row.reached.id, { ...row.reached, depth, reachedVia: [edge] });
      next.push({ search: row.search, asset: row.reached.id });
      if (limits.stopAt?.(row.reached)) done[row.search] = true;
    }
    frontier = next.filter((f) => !done[f.search]);
  }
  return results;
}

function cut(result: WalkResult, reason: 'maxDepth' | 'maxNodes'): void {
  result.partial = true;
  if (!result.cutBy.includes(reason)) result.cutBy.push(reason);
}

/**
 * One shortest chain of steps from a start (depth 0) to `assetId`, following the first way each
 * asset was reached; oriented in the data's direction for downstream walks.
 */
export function chainTo(result: WalkResult, assetId: string, direction: Direction): FeedEdge[] {
  const chain: FeedEdge[] = [];
  let current = result.nodes.get(assetId);
  while (current && current.depth > 0 && current.reachedVia.length > 0) {
    const edge = current.reachedVia[0];
    chain.push(edge);
    current = result.nodes.get(direction === 'DOWNSTREAM' ? edge.from : edge.to);
  }
  return direction === 'DOWNSTREAM' ? chain.reverse() : chain;
}

/** The systems a chain of steps passes through, in order, without repeating a system a derivation stayed in. */
export function systemsOf(chain: FeedEdge[], systemOf: (asset: string) => string): string[] {
  const systems: string[] = [];
  const push = (s: string) => {
    if (systems[systems.length - 1] !== s) systems.push(s);
  };
  for (const edge of chain) {
    push(systemOf(edge.from));
    push(systemOf(edge.to));
  }
  return systems;
}

export function systemOfAsset(assetId: string): string {
  return assetId.slice(0, assetId.indexOf('/'));
}

export function categoryOfAsset(assetId: string): string {
  return assetId.slice(assetId.indexOf('/') + 1);
}
