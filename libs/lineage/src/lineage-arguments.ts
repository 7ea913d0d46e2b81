import { checkAsOf, InvalidInputError, Problem } from '@tadoru/common';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, MAX_MAX_DEPTH, MAX_MAX_NODES } from './lineage.types';

export interface Bounds {
  maxDepth: number;
  maxNodes: number;
  asOf: string | null;
}

/** Checks the bounds every lineage-style question takes; reports every bad argument at once. */
export function checkBounds(args: { maxDepth?: number | null; maxNodes?: number | null; asOf?: string | null }, problems: Problem[] = []): Bounds {
  const maxDepth = args.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxNodes = args.maxNodes ?? DEFAULT_MAX_NODES;
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_MAX_DEPTH) {
    problems.push({ path: 'maxDepth', message: `must be a whole number from 1 to ${MAX_MAX_DEPTH}` });
  }
  if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > MAX_MAX_NODES) {
    problems.push({ path: 'maxNodes', message: `must be a whole number from 1 to ${MAX_MAX_NODES}` });
  }
  const asOf = checkAsOf(args.asOf, problems);
  if (problems.length > 0) throw new InvalidInputError(problems);
  return { maxDepth, maxNodes, asOf };
}
