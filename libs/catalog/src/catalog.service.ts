import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@tadoru/common';
import { CatalogRepository } from './catalog.repository';
import { withDefaults } from './element-defaults';
import { Element, ElementFilter, ElementKind, ListableKind, MAX_PAGE_SIZE, Page, PageRequest, RELATION_CAP, RelatedList, Relation } from './catalog.types';

/** Opaque cursors: clients must not build them, so the encoding may change. */
export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('id:') || decoded.length < 4 || encodeCursor(decoded.slice(3)) !== cursor) {
    throw new InvalidInputError([{ path: field, message: 'is not a cursor this API returned (pass the endCursor of the previous page)' }]);
  }
  return decoded.slice(3);
}

/** Reads map elements for the API; batching is the caller's (DataLoader) job. */
@Injectable()
export class CatalogService {
  constructor(private readonly repository: CatalogRepository) {}

  async list(kind: ListableKind, map: string, filter: ElementFilter, page: PageRequest): Promise<Page<Element>> {
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_PAGE_SIZE) {
      throw new InvalidInputError([{ path: 'first', message: `must be a whole number from 0 to ${MAX_PAGE_SIZE}` }]);
    }
    const after = page.after ? decodeCursor(page.after) : null;
    const cleanFilter = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v ?? null]));
    const { total, page: rows } = await this.repository.list(kind, map, cleanFilter, after, page.first + 1);
    const items = rows.slice(0, page.first).map((e) => withDefaults(kind, e));
    return {
      items,
      totalCount: total,
      hasNextPage: rows.length > page.first,
      endCursor: items.length > 0 ? encodeCursor(items[items.length - 1].id) : null,
    };
  }

  async byIds(kind: ElementKind, map: string, ids: readonly string[]): Promise<Map<string, Element>> {
    const found = await this.repository.byIds(kind, map, ids);
    return new Map([...found].map(([id, e]) => [id, withDefaults(kind, e)]));
  }

  /** Elements related to each of `ids`; `kind` is what the relation yields, for its defaults. */
  async related(relation: Relation, kind: ElementKind, map: string, ids: readonly string[]): Promise<Map<string, RelatedList>> {
    const found = await this.repository.related(relation, map, ids, RELATION_CAP);
    return new Map([...found].map(([id, list]) => [id, { ...list, items: list.items.map((e) => withDefaults(kind, e)) }]));
  }
}
