import { Injectable } from '@nestjs/common';
import { int, MapSession } from '@tadoru/graph';
import { AssetRef, Direction, ExpandedEdge } from './asset-walk';
import { NeighbourEdge, Neighbourhood } from './prefetched-walk';

/** A lineage start candidate, with what makes it an origin of its category. */
export interface StartAsset extends AssetRef {
  collected: boolean;
  derived: boolean;
  fed: boolean;
}

export interface PersonFlowConsent {
  flow: string;
  concerned: boolean;
  consents: Array<{ notice: string; at: string; withdrawnAt: string | null }>;
}

/** Reads for lineage; every query runs on one pinned map version and is bounded by its caller's limits. */
@Injectable()
export class LineageRepository {
  async expand(s: MapSession, direction: Direction, asOf: string | null, frontier: Array<{ search: number; asset: string }>, limit: number): Promise<ExpandedEdge[]> {
    const key = direction === 'DOWNSTREAM' ? 'lineage/expand-downstream' : 'lineage/expand-upstream';
    const rows = await s.run(key, { asOf, frontier: frontier.map((f, i) => ({ ...f, search: int(f.search), i: int(i) })), limit: int(limit) });
    return rows as unknown as ExpandedEdge[];
  }

  /** The edges around a walk's starts in one statement (see `prefetched-walk.ts`). */
  async neighbourhood(s: MapSession, direction: Direction, asOf: string | null, starts: string[], bounds: { nodeCap: number; perNode: number }): Promise<Neighbourhood> {
    const key = direction === 'DOWNSTREAM' ? 'lineage/neighbourhood-downstream' : 'lineage/neighbourhood-upstream';
    const rows = await s.run(key, { asOf, starts, nodeCap: int(bounds.nodeCap), perNode: int(bounds.perNode) });
    return new Map(rows.map((r) => [r.asset as string, r.edges as NeighbourEdge[]]));
  }

  async assetsOfCategories(s: MapSession, categories: string[], systems: string[] | null, asOf: string | null): Promise<StartAsset[]> {
    const rows = await s.run('lineage/assets-of-categories', { categories, systems, asOf });
    return rows.map((r) => r.asset as StartAsset);
  }

  async assetsByIds(s: MapSession, ids: string[]): Promise<Map<string, AssetRef>> {
    const rows = await s.run('lineage/assets-by-ids', { ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [(r.asset as AssetRef).id, r.asset as AssetRef]));
  }

  async assetsAtSystems(s: MapSession, systems: string[], asOf: string | null): Promise<StartAsset[]> {
    const rows = await s.run('lineage/assets-at-systems', { systems, asOf });
    return rows.map((r) => r.asset as StartAsset);
  }

  async categoriesOfSubjects(s: MapSession, subjects: string[]): Promise<string[]> {
    const rows = await s.run('lineage/categories-of-subjects', { subjects });
    return rows.map((r) => r.id as string);
  }

  async personConsentForFlows(s: MapSession, people: string, flows: string[], asOf: string | null): Promise<Map<string, PersonFlowConsent>> {
    const rows = await s.run('lineage/person-consent-for-flows', { people, flows, asOf });
    return new Map(rows.map((r) => [r.flow as string, r as unknown as PersonFlowConsent]));
  }
}
