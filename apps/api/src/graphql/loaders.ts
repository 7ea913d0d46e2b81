import DataLoader from 'dataloader';
import { CatalogService, Element, ElementKind, RelatedList, Relation } from '@tadoru/catalog';

const SEP = '\u0000';
const keyOf = (map: string, id: string) => `${map}${SEP}${id}`;

/** Groups a batch of `map\0id` keys by map, since each query is scoped to one map. */
async function batchByMap<V>(keys: readonly string[], fetch: (map: string, ids: string[]) => Promise<Map<string, V>>, missing: V): Promise<V[]> {
  const byMap = new Map<string, string[]>();
  for (const key of keys) {
    const [map, id] = key.split(SEP);
    const ids = byMap.get(map);
    if (ids) ids.push(id);
    else byMap.set(map, [id]);
  }
  const results = new Map<string, V>();
  await Promise.all(
    [...byMap].map(async ([map, ids]) => {
      const found = await fetch(map, ids);
      for (const id of ids) results.set(keyOf(map, id), found.get(id) ?? missing);
    }),
  );
  return keys.map((k) => results.get(k) ?? missing);
}

/**
 * Per-request DataLoaders: every reference and relation on a page of results is fetched with one
 * query per kind, whatever the page size.
 */
export class Loaders {
  private readonly elements = new Map<ElementKind, DataLoader<string, Element | null>>();
  private readonly relations = new Map<Relation, DataLoader<string, RelatedList>>();

  constructor(private readonly catalog: CatalogService) {}

  element(kind: ElementKind, map: string, id: string): Promise<Element | null> {
    let loader = this.elements.get(kind);
    if (!loader) {
      loader = new DataLoader((keys) => batchByMap(keys, (m, ids) => this.catalog.byIds(kind, m, ids), null as Element | null), { maxBatchSize: 500 });
      this.elements.set(kind, loader);
    }
    return loader.load(keyOf(map, id));
  }

  async elementList(kind: ElementKind, map: string, ids: readonly string[] | undefined): Promise<Element[]> {
    const found = await Promise.all((ids ?? []).map((id) => this.element(kind, map, id)));
    return found.filter((e): e is Element => e !== null);
  }

  related(relation: Relation, kind: ElementKind, map: string, id: string): Promise<RelatedList> {
    let loader = this.relations.get(relation);
    if (!loader) {
      loader = new DataLoader(
        (keys) => batchByMap(keys, (m, ids) => this.catalog.related(relation, kind, m, ids), { items: [], totalCount: 0 } as RelatedList),
        { maxBatchSize: 200 },
      );
      this.relations.set(relation, loader);
    }
    return loader.load(keyOf(map, id));
  }
}

export interface GqlContext {
  loaders: Loaders;
}
