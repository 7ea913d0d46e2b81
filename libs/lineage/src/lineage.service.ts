import { Injectable } from '@nestjs/common';
import { NotFoundError, Problem } from '@tadoru/common';
import { QueryRunner } from '@tadoru/graph';
import { CatalogService, ElementKind, MapDirectoryService } from '@tadoru/catalog';
import { AssetRef, Direction, walkAssets, WalkLimits, WalkResult } from './asset-walk';
import { checkBounds } from './lineage-arguments';
import { LineageRepository, StartAsset } from './lineage.repository';
import { LineageNode, LineageRequest, LineageResult } from './lineage.types';

/**
 * Lineage over "category C at system S" (DataAsset) nodes: bounded, distinct-node walks that say how
 * each asset was reached and whether a bound cut the answer.
 */
@Injectable()
export class LineageService {
  constructor(
    private readonly repository: LineageRepository,
    private readonly maps: MapDirectoryService,
    private readonly catalog: CatalogService,
  ) {}

  async lineage(request: LineageRequest): Promise<LineageResult> {
    const problems: Problem[] = [];
    const category = request.from.category ?? null;
    const system = request.from.system ?? null;
    if (!category && !system) problems.push({ path: 'from', message: 'give a category, a system, or both' });
    const bounds = checkBounds(request, problems);
    await this.requireMap(request.map);
    await this.requireElements(request.map, [
      ['dataCategories', category, 'from.category'],
      ['systems', system, 'from.system'],
    ]);

    return this.repository.read('lineage.lineage', async (q) => {
      let starts: StartAsset[];
      if (category) {
        const assets = await this.repository.assetsOfCategories(q, request.map, [category], system ? [system] : null, bounds.asOf);
        starts = system || request.direction === 'UPSTREAM' ? assets : assets.filter(isOrigin);
      } else {
        starts = await this.repository.assetsAtSystems(q, request.map, [system as string], bounds.asOf);
      }
      const [walk] = await this.walk(q, request.map, [starts], request.direction, bounds, bounds.asOf);
      return {
        map: request.map,
        direction: request.direction,
        asOf: bounds.asOf,
        maxDepth: bounds.maxDepth,
        maxNodes: bounds.maxNodes,
        nodes: lineageNodes(walk),
        partial: walk.partial,
        cutBy: walk.cutBy,
      };
    });
  }

  /** Several independent walks in one set of round trips (one query per level for all of them). */
  walk(q: QueryRunner, map: string, starts: AssetRef[][], direction: Direction, limits: WalkLimits, asOf: string | null): Promise<WalkResult[]> {
    return walkAssets(starts, limits, (frontier, limit) => this.repository.expand(q, map, direction, asOf, frontier, limit));
  }

  async requireMap(map: string): Promise<void> {
    await this.maps.getMap(map);
  }

  /** NOT_FOUND naming the argument, for ids the question refers to that the map does not have. */
  async requireElements(map: string, refs: Array<[ElementKind, string | null | undefined, string]>): Promise<void> {
    for (const [kind, id, field] of refs) {
      if (!id) continue;
      const found = await this.catalog.byIds(kind, map, [id]);
      if (!found.has(id)) throw new NotFoundError(ENTITY_NAMES[kind] ?? kind, id, field);
    }
  }
}

const ENTITY_NAMES: Partial<Record<ElementKind, string>> = {
  dataCategories: 'data category',
  systems: 'system',
  subjects: 'subject',
  people: 'people entry',
  organizations: 'organization',
};

/** Where a category's lineage begins: collected there, derived there, or arriving from nowhere mapped. */
export function isOrigin(asset: StartAsset): boolean {
  return asset.collected || asset.derived || !asset.fed;
}

export function lineageNodes(walk: WalkResult): LineageNode[] {
  return [...walk.nodes.values()]
    .sort((a, b) => a.depth - b.depth || a.id.localeCompare(b.id))
    .map((n) => ({ asset: n.id, system: n.system, category: n.category, depth: n.depth, reachedVia: n.reachedVia }));
}
