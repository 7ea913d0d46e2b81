import { Injectable } from '@nestjs/common';
import { int, MapSession, MapSnapshot, Neo4jService } from '@tadoru/graph';
import { ELEMENT_KINDS, ElementFilter, ElementKind, ListableKind, Relation } from './catalog.types';

const LIST_QUERY: Record<ListableKind, string> = {
  groups: 'catalog/list/groups',
  organizations: 'catalog/list/organizations',
  subjects: 'catalog/list/subjects',
  dataCategories: 'catalog/list/data-categories',
  purposes: 'catalog/list/purposes',
  notices: 'catalog/list/notices',
  systems: 'catalog/list/systems',
  collections: 'catalog/list/collections',
  flows: 'catalog/list/flows',
  derivations: 'catalog/list/derivations',
  people: 'catalog/list/people',
};

type StoredProperties = Record<string, unknown> & { id: string };

/** Reads of stored elements, each from one pinned map version; rows are the nodes' properties. */
@Injectable()
export class CatalogRepository {
  constructor(private readonly db: Neo4jService) {}

  /** One page (limit rows) after the `after` id, and the total matching the filter (0 unless `countTotal`). */
  list(kind: ListableKind, map: MapSnapshot, filter: ElementFilter, after: string | null, limit: number, countTotal = true): Promise<{ total: number; page: StoredProperties[] }> {
    return this.db.readMap(map, `catalog.list.${kind}`, async (s) => {
      const [row] = await s.run(LIST_QUERY[kind], { filter, after, limit: int(limit), countTotal });
      return { total: row.total as number, page: row.page as StoredProperties[] };
    });
  }

  byIds(kind: ElementKind, map: MapSnapshot, ids: readonly string[]): Promise<Map<string, StoredProperties>> {
    return this.db.readMap(map, `catalog.byIds.${kind}`, (s) => this.byIdsIn(s, kind, ids));
  }

  async byIdsIn(s: MapSession, kind: ElementKind, ids: readonly string[]): Promise<Map<string, StoredProperties>> {
    const rows = await s.run('catalog/elements-by-ids', { label: ELEMENT_KINDS[kind], ids: [...new Set(ids)] });
    return new Map(rows.map((r) => [r.id as string, r.item as StoredProperties]));
  }

  /** The references among `refs` the map has no element for. */
  async missingIn(s: MapSession, refs: ReadonlyArray<{ kind: ElementKind; id: string }>): Promise<Array<{ kind: ElementKind; id: string }>> {
    if (refs.length === 0) return [];
    const rows = await s.run('catalog/elements-exist', { refs: refs.map((r) => ({ label: ELEMENT_KINDS[r.kind], id: r.id })) });
    const found = new Set(rows.filter((r) => r.found === true).map((r) => `${String(r.label)}\u0000${String(r.id)}`));
    return refs.filter((r) => !found.has(`${ELEMENT_KINDS[r.kind]}\u0000${r.id}`));
  }

  related(relation: Relation, map: MapSnapshot, ids: readonly string[], cap: number): Promise<Map<string, { items: StoredProperties[]; totalCount: number }>> {
    return this.db.readMap(map, `catalog.related.${relation}`, (s) => this.relatedIn(s, relation, ids, cap));
  }

  async relatedIn(s: MapSession, relation: Relation, ids: readonly string[], cap: number): Promise<Map<string, { items: StoredProperties[]; totalCount: number }>> {
    const rows = await s.run(`catalog/relations/${relation}`, { ids: [...new Set(ids)], limit: int(cap) });
    return new Map(rows.map((r) => [r.key as string, { items: r.items as StoredProperties[], totalCount: r.total as number }]));
  }
}
