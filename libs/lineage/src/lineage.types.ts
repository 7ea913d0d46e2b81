import { MapSnapshot } from '@tadoru/graph';
import { Direction, FeedEdge, StepKind } from './asset-walk';

export type { Direction, FeedEdge, StepKind };

export const DEFAULT_MAX_DEPTH = 10;
export const MAX_MAX_DEPTH = 50;
export const DEFAULT_MAX_NODES = 1_000;
export const MAX_MAX_NODES = 10_000;

/** Where a lineage question starts: a category (wherever it is), a system (all it has), or both. */
export interface LineageFrom {
  category?: string | null;
  system?: string | null;
}

export interface LineageRequest {
  map: MapSnapshot;
  from: LineageFrom;
  direction: Direction;
  maxDepth?: number | null;
  maxNodes?: number | null;
  /** ISO date: only flows and derivations valid that day are followed. */
  asOf?: string | null;
}

export interface LineageNode {
  /** `system/category`. */
  asset: string;
  system: string;
  category: string;
  /** Steps from the nearest start; 0 for a start. */
  depth: number;
  /** The flows and derivations by which the walk first reached it (several in a diamond). */
  reachedVia: FeedEdge[];
}

export interface LineageResult {
  map: string;
  /** The map version the answer was computed from. */
  version: number;
  direction: Direction;
  asOf: string | null;
  maxDepth: number;
  maxNodes: number;
  nodes: LineageNode[];
  /** True when maxDepth or maxNodes cut the answer: more is reachable than is listed. */
  partial: boolean;
  cutBy: Array<'maxDepth' | 'maxNodes'>;
}
