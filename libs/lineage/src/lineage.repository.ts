import { Injectable } from '@nestjs/common';
import { int, Neo4jService, QueryRunner } from '@tadoru/graph';
import { AssetRef, Direction, ExpandedEdge } from './asset-walk';

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

/** Reads for lineage; every query is scoped to one map and bounded by its caller's limits. */
@Injectable()
export class LineageRepository {
  constructor(private readonly db: Neo4jService) {}

  read<T>(op: string, work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.db.read(op, work);
  }

  async expand(
    q: QueryRunner,
    map: string,
    direction: Direction,
    asOf: string | null,
    frontier: Array<{ search: number; asset: string }>,
    limit: number,
  ): Promise<ExpandedEdge[]> {
    const key = direction === 'DOWNSTREAM' ? 'lineage/expand-downstream' : 'lineage/expand-upstream';
    const rows = await q.run(key, { map, asOf, frontier: frontier.map((f, i) => ({ ...f, search: int(f.search), i: int(i) })), limit: int(limit) });
    return rows as unknown as ExpandedEdge[];
  }

  async assetsOfCategories(q: QueryRunner, map: string, categories: string[], systems: string[] | null, asOf: string | null): Promise<StartAsset[]> {
    const rows = await q.run('lineage/assets-of-categories', { map, categories, systems, asOf });
    return rows.map((r) => r.asset as StartAsset);
  }

  async assetsByIds(q: QueryRunner, map: string, ids: string[]): Promise<Map<string, AssetRef>> {
    const rows = await q.run('lineage/assets-by-ids', { map, ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [(r.asset as AssetRef).id, r.asset as AssetRef]));
  }

  async assetsAtSystems(q: QueryRunner, map: string, systems: string[], asOf: string | null): Promise<StartAsset[]> {
    const rows = await q.run('lineage/assets-at-systems', { map, systems, asOf });
    return rows.map((r) => r.asset as StartAsset);
  }

  async categoriesOfSubjects(q: QueryRunner, map: string, subjects: string[]): Promise<string[]> {
    const rows = await q.run('lineage/categories-of-subjects', { map, subjects });
    return rows.map((r) => r.id as string);
  }

  async personConsentForFlows(q: QueryRunner, map: string, people: string, flows: string[], asOf: string | null): Promise<Map<string, PersonFlowConsent>> {
    const rows = await q.run('lineage/person-consent-for-flows', { map, people, flows, asOf });
    return new Map(rows.map((r) => [r.flow as string, r as unknown as PersonFlowConsent]));
  }
}
