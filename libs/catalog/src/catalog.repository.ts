import { Injectable } from '@nestjs/common';
import { int, Neo4jService } from '@tadoru/graph';
import { ELEMENT_KINDS, Element, ElementFilter, ElementKind, ListableKind, RelatedList, Relation } from './catalog.types';

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

@Injectable()
export class CatalogRepository {
  constructor(private readonly db: Neo4jService) {}

  /** One page (limit rows) after the `after` id, and the total matching the filter. */
  list(kind: ListableKind, map: string, filter: ElementFilter, after: string | null, limit: number): Promise<{ total: number; page: Element[] }> {
    return this.db.read(`catalog.list.${kind}`, async (q) => {
      const [row] = await q.run(LIST_QUERY[kind], { map, filter, after, limit: int(limit) });
      return { total: row.total as number, page: row.page as Element[] };
    });
  }

  byIds(kind: ElementKind, map: string, ids: readonly string[]): Promise<Map<string, Element>> {
    return this.db.read(`catalog.byIds.${kind}`, async (q) => {
      const rows = await q.run('catalog/elements-by-ids', { map, label: ELEMENT_KINDS[kind], ids: [...new Set(ids)] });
      return new Map(rows.map((r) => [r.id as string, r.item as Element]));
    });
  }

  related(relation: Relation, map: string, ids: readonly string[], cap: number): Promise<Map<string, RelatedList>> {
    return this.db.read(`catalog.related.${relation}`, async (q) => {
      const rows = await q.run(`catalog/relations/${relation}`, { map, ids: [...new Set(ids)], limit: int(cap) });
      return new Map(rows.map((r) => [r.key as string, { items: r.items as Element[], totalCount: r.total as number }]));
    });
  }
}
