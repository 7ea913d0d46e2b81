import { CatalogService, ElementFilter, ElementRows, ListableKind, MAX_PAGE_SIZE } from '@tadoru/catalog';
import { MapSnapshot } from '@tadoru/graph';

/**
 * Every element of a kind that passes `filter`, page by page in map order: a report of a large map
 * reads it this way, holding one page at a time. `onPage` sees each page's position (for progress).
 */
export async function* elementsOf<K extends ListableKind>(
  catalog: CatalogService,
  kind: K,
  map: MapSnapshot,
  filter: ElementFilter = {},
  onPage: (read: number, total: number) => void = () => undefined,
): AsyncGenerator<ElementRows[K]> {
  // The total once, for progress; then pages without it (counting again per page would be quadratic).
  const { totalCount } = await catalog.list(kind, map, filter, { first: 0 });
  let after: string | undefined;
  let read = 0;
  for (;;) {
    const page = await catalog.scan(kind, map, filter, { first: MAX_PAGE_SIZE, after });
    read += page.items.length;
    onPage(read, totalCount);
    yield* page.items;
    if (!page.hasNextPage || !page.endCursor) return;
    after = page.endCursor;
  }
}
