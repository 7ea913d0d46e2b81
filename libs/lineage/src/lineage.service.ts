import { Injectable } from '@nestjs/common';
import { NotFoundError, Problem } from '@tadoru/common';
import { CatalogService, ElementKind } from '@tadoru/catalog';
import { MapSession, MapSnapshot, Neo4jService } from '@tadoru/graph';
import { AssetRef, Direction, walkAssets, WalkLimits, WalkResult } from './asset-walk';
import { checkBounds } from './lineage-arguments';
import { LineageRepository, PersonFlowConsent, StartAsset } from './lineage.repository';
import { LineageNode, LineageRequest, LineageResult } from './lineage.types';

/**
 * Lineage over "category C at system S" (DataAsset) nodes: bounded, distinct-node walks that say how
 * each asset was reached and whether a bound cut the answer. Other libraries reach the asset graph
 * only through this service, inside a session pinned to one map version.
 */
@Injectable()
export class LineageService {
  constructor(
    private readonly db: Neo4jService,
    private readonly repository: LineageRepository,
    private readonly catalog: CatalogService,
  ) {}

  async lineage(request: LineageRequest): Promise<LineageResult> {
    const problems: Problem[] = [];
    const category = request.from.category ?? null;
    const system = request.from.system ?? null;
    if (!category && !system) problems.push({ path: 'from', message: 'give a category, a system, or both' });
    const bounds = checkBounds(request, problems);
    await this.requireElements(request.map, [
      ['dataCategories', category, 'from.category'],
      ['systems', system, 'from.system'],
    ]);

    return this.read(request.map, 'lineage.lineage', async (s) => {
      let starts: StartAsset[];
      if (category) {
        const assets = await this.repository.assetsOfCategories(s, [category], system ? [system] : null, bounds.asOf);
        starts = system || request.direction === 'UPSTREAM' ? assets : assets.filter(isOrigin);
      } else {
        starts = await this.repository.assetsAtSystems(s, [system as string], bounds.asOf);
      }
      const [walk] = await this.walk(s, [starts], request.direction, bounds, bounds.asOf);
      return {
        map: request.map.name,
        version: request.map.version,
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

  /** A read unit of work on one map version, for callers that walk and look up in one go. */
  read<T>(snapshot: MapSnapshot, op: string, work: (session: MapSession) => Promise<T>): Promise<T> {
    return this.db.readMap(snapshot, op, work);
  }

  /** Several independent walks in one set of round trips (one query per level for all of them). */
  walk(s: MapSession, starts: AssetRef[][], direction: Direction, limits: WalkLimits, asOf: string | null): Promise<WalkResult[]> {
    return walkAssets(starts, limits, (frontier, limit) => this.repository.expand(s, direction, asOf, frontier, limit));
  }

  /** Where the given categories are (optionally only at some systems), with what makes each an origin. */
  assetsOfCategories(s: MapSession, categories: string[], systems: string[] | null, asOf: string | null): Promise<StartAsset[]> {
    return this.repository.assetsOfCategories(s, categories, systems, asOf);
  }

  assetsByIds(s: MapSession, ids: string[]): Promise<Map<string, AssetRef>> {
    return this.repository.assetsByIds(s, ids);
  }

  categoriesOfSubjects(s: MapSession, subjects: string[]): Promise<string[]> {
    return this.repository.categoriesOfSubjects(s, subjects);
  }

  /** For one people entry: whether it is concerned by each flow, and the consents that cover it. */
  personConsentForFlows(s: MapSession, people: string, flows: string[], asOf: string | null): Promise<Map<string, PersonFlowConsent>> {
    return this.repository.personConsentForFlows(s, people, flows, asOf);
  }

  /** NOT_FOUND naming the argument, for ids the question refers to that the map does not have. */
  async requireElements(map: MapSnapshot, refs: Array<[ElementKind, string | null | undefined, string]>): Promise<void> {
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
