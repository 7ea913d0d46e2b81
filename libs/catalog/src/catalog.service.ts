import { Injectable } from '@nestjs/common';
import { canonicalArguments, CursorScope, decodeCursor, encodeCursor, InvalidInputError } from '@tadoru/common';
import { MapSession, MapSnapshot } from '@tadoru/graph';
import { CatalogRepository } from './catalog.repository';
import { ElementFilter, ElementKind, ListableKind, MAX_PAGE_SIZE, Page, PageRequest, RELATION_CAP, RelatedList, Relation } from './catalog.types';
import { toElementRow } from './element-defaults';
import { ElementRows } from './element-rows';

/** The scope of an element list's cursors: one kind, one map version, one filter. */
export function elementListScope(kind: ElementKind, map: MapSnapshot, filter: ElementFilter = {}): CursorScope {
  return { list: kind, version: map.version, question: canonicalArguments(filter) };
}

/** Reads map elements for the API as typed rows, each from one pinned map version; batching is the caller's (DataLoader) job. */
@Injectable()
export class CatalogService {
  constructor(private readonly repository: CatalogRepository) {}

  async list<K extends ListableKind>(kind: K, map: MapSnapshot, filter: ElementFilter, page: PageRequest): Promise<Page<ElementRows[K]>> {
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_PAGE_SIZE) {
      throw new InvalidInputError([{ path: 'first', message: `must be a whole number from 0 to ${MAX_PAGE_SIZE}` }]);
    }
    const cleanFilter = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v ?? null]));
    const scope = elementListScope(kind, map, cleanFilter);
    const after = page.after ? decodeCursor(page.after, scope) : null;
    const { total, page: rows } = await this.repository.list(kind, map, cleanFilter, after, page.first + 1);
    const items = rows.slice(0, page.first).map((e) => toElementRow(kind, map, e));
    return {
      items,
      filter: cleanFilter,
      totalCount: total,
      hasNextPage: rows.length > page.first,
      endCursor: items.length > 0 ? encodeCursor(scope, items[items.length - 1].id) : null,
    };
  }

  /**
   * The next page of a list read from start to end, without its total: counting every matching
   * element again for each page would make reading a large map page by page quadratic.
   */
  async scan<K extends ListableKind>(kind: K, map: MapSnapshot, filter: ElementFilter, page: PageRequest): Promise<Omit<Page<ElementRows[K]>, 'totalCount'>> {
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE_SIZE) {
      throw new InvalidInputError([{ path: 'first', message: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` }]);
    }
    const cleanFilter = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v ?? null]));
    const scope = elementListScope(kind, map, cleanFilter);
    const after = page.after ? decodeCursor(page.after, scope) : null;
    const { page: rows } = await this.repository.list(kind, map, cleanFilter, after, page.first + 1, false);
    const items = rows.slice(0, page.first).map((e) => toElementRow(kind, map, e));
    return { items, filter: cleanFilter, hasNextPage: rows.length > page.first, endCursor: items.length > 0 ? encodeCursor(scope, items[items.length - 1].id) : null };
  }

  async byIds<K extends ElementKind>(kind: K, map: MapSnapshot, ids: readonly string[]): Promise<Map<string, ElementRows[K]>> {
    const found = await this.repository.byIds(kind, map, ids);
    return new Map([...found].map(([id, e]) => [id, toElementRow(kind, map, e)]));
  }

  /** `byIds` inside a read of one version that is already under way (one transaction for a whole answer). */
  async byIdsIn<K extends ElementKind>(s: MapSession, kind: K, ids: readonly string[]): Promise<Map<string, ElementRows[K]>> {
    const found = await this.repository.byIdsIn(s, kind, ids);
    return new Map([...found].map(([id, e]) => [id, toElementRow(kind, s.snapshot, e)]));
  }

  /** The references the map of `s` has no element for, checked in one statement. */
  missingIn(s: MapSession, refs: ReadonlyArray<{ kind: ElementKind; id: string }>): Promise<Array<{ kind: ElementKind; id: string }>> {
    return this.repository.missingIn(s, refs);
  }

  /** Elements related to each of `ids`; `kind` is what the relation yields. Each list is cut at RELATION_CAP, with its total beside it. */
  async related<K extends ElementKind>(relation: Relation, kind: K, map: MapSnapshot, ids: readonly string[]): Promise<Map<string, RelatedList<ElementRows[K]>>> {
    const found = await this.repository.related(relation, map, ids, RELATION_CAP);
    return new Map([...found].map(([id, list]) => [id, { totalCount: list.totalCount, items: list.items.map((e) => toElementRow(kind, map, e)) }]));
  }

  /** `related` inside a read of one version that is already under way. */
  async relatedIn<K extends ElementKind>(s: MapSession, relation: Relation, kind: K, ids: readonly string[]): Promise<Map<string, RelatedList<ElementRows[K]>>> {
    const found = await this.repository.relatedIn(s, relation, ids, RELATION_CAP);
    return new Map([...found].map(([id, list]) => [id, { totalCount: list.totalCount, items: list.items.map((e) => toElementRow(kind, s.snapshot, e)) }]));
  }
}
