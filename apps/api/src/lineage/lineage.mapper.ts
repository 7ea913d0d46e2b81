import { MapSnapshot } from '@tadoru/graph';
import { LineageResult } from '@tadoru/lineage';
import { LineageType } from './lineage.types';

export function toLineageType(map: MapSnapshot, result: LineageResult): LineageType {
  return {
    ...result,
    nodes: result.nodes.map((n) => ({ map, asset: n.asset, systemId: n.system, categoryId: n.category, depth: n.depth, reachedVia: n.reachedVia })),
  };
}
