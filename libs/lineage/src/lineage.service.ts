import { Injectable } from '@nestjs/common';
import { NotFoundError, Problem } from '@tadoru/common';
import { CatalogService, ElementKind } from '@tadoru/catalog';
import { MapSession, MapSnapshot, Neo4jService } from '@tadoru/graph';
import { AssetRef, Direction, Expand, walkAssets, WalkLimits, WalkResult } from './asset-walk';
import { expandFrom, neighbourhoodBounds } from './prefetched-walk';
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
    return this.read(request.map, 'lineage.lineage', async (s) => {
      await this.requireElements(s, [
        ['dataCategories', category, 'from.category'],
        ['systems', system, 'from.system'],
      ]);
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

  /**
   * Several independent walks in one set of round trips (one query per level for all of them). A
   * single walk that visits all it reaches fetches the neighbourhood of its starts first, so that it
   * usually needs no level query at all; the answer is the same either way. (A walk that stops at
   * the first asset of a kind usually needs a few levels only, far fewer than the neighbourhood.)
   */
  async walk(s: MapSession, starts: AssetRef[][], direction: Direction, limits: WalkLimits, asOf: string | null): Promise<WalkResult[]> {
    const levels: Expand = (frontier, limit) => this.repository.expand(s, direction, asOf, frontier, limit);
    if (starts.length !== 1 || starts[0].length === 0 || limits.stopAt) return walkAssets(starts, limits, levels);
    const neighbourhood = await this.repository.neighbourhood(s, direction, asOf, [...new Set(starts[0].map((a) => a.id))], neighbourhoodBounds(limits));
    return walkAssets(starts, limits, expandFrom(neighbourhood, levels));
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

  /** NOT_FOUND naming the argument, for the first id the question refers to that the map does not have (one statement for all). */
  async requireElements(s: MapSession, refs: Array<[ElementKind, string | null | undefined, string]>): Promise<void> {
    const given = refs.filter((r): r is [ElementKind, string, string] => typeof r[1] === 'string' && r[1] !== '');
    const missing = await this.catalog.missingIn(s, given.map(([kind, id]) => ({ kind, id })));
    const first = given.find(([kind, id]) => missing.some((m) => m.kind === kind && m.id === id));
    if (first) throw new NotFoundError(ENTITY_NAMES[first[0]] ?? first[0], first[1], first[2]);
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
