import DataLoader from 'dataloader';
import { CatalogService, Element, ElementKind, ElementRows, PinnedMap, RelatedList, Relation } from '@tadoru/catalog';
import { Actor } from '@tadoru/auth';
import { MapSnapshot } from '@tadoru/graph';
import { MapPins } from './map-pins';

const SEP = '\u0000';

/**
 * Per-request DataLoaders: every reference and relation on a page of results is fetched with one
 * query per kind and map version, whatever the page size. Keys carry the version an element was
 * read from, so whatever is read about it comes from the same version.
 */
export class Loaders {
  private readonly elements = new Map<ElementKind, DataLoader<string, Element | null>>();
  private readonly relations = new Map<Relation, DataLoader<string, RelatedList>>();
  private readonly snapshots = new Map<string, MapSnapshot>();

  constructor(private readonly catalog: CatalogService) {}

  element<K extends ElementKind>(kind: K, map: MapSnapshot, id: string): Promise<ElementRows[K] | null> {
    return this.elementLoader(kind).load(this.keyOf(map, id)) as Promise<ElementRows[K] | null>;
  }

  /** Elements an answer read together with its rows: fields that name them are answered without another read. */
  prime<K extends ElementKind>(kind: K, map: MapSnapshot, rows: ReadonlyArray<ElementRows[K]>): void {
    const loader = this.elementLoader(kind);
    for (const row of rows) loader.prime(this.keyOf(map, row.id), row);
  }

  private elementLoader(kind: ElementKind): DataLoader<string, Element | null> {
    let loader = this.elements.get(kind);
    if (!loader) {
      loader = new DataLoader((keys) => this.batch(keys, (m, ids) => this.catalog.byIds(kind, m, ids) as Promise<Map<string, Element>>, null as Element | null), { maxBatchSize: 500 });
      this.elements.set(kind, loader);
    }
    return loader;
  }

  async elementList<K extends ElementKind>(kind: K, map: MapSnapshot, ids: readonly string[] | undefined): Promise<Array<ElementRows[K]>> {
    const found = await Promise.all((ids ?? []).map((id) => this.element(kind, map, id)));
    return found.filter((e): e is Awaited<ElementRows[K]> => e !== null);
  }

  related<K extends ElementKind>(relation: Relation, kind: K, map: MapSnapshot, id: string): Promise<RelatedList<ElementRows[K]>> {
    let loader = this.relations.get(relation);
    if (!loader) {
      loader = new DataLoader(
        (keys) => this.batch(keys, (m, ids) => this.catalog.related(relation, kind, m, ids) as Promise<Map<string, RelatedList>>, { items: [], totalCount: 0 } as RelatedList),
        { maxBatchSize: 200 },
      );
      this.relations.set(relation, loader);
    }
    return loader.load(this.keyOf(map, id)) as Promise<RelatedList<ElementRows[K]>>;
  }

  private keyOf(map: MapSnapshot, id: string): string {
    this.snapshots.set(map.storage, map);
    return `${map.storage}${SEP}${id}`;
  }

  /** Groups a batch of `storage\0id` keys by map version, since each query reads one. */
  private async batch<V>(keys: readonly string[], fetch: (map: MapSnapshot, ids: string[]) => Promise<Map<string, V>>, missing: V): Promise<V[]> {
    const byStorage = new Map<string, string[]>();
    for (const key of keys) {
      const [storage, id] = key.split(SEP);
      const ids = byStorage.get(storage);
      if (ids) ids.push(id);
      else byStorage.set(storage, [id]);
    }
    const results = new Map<string, V>();
    await Promise.all(
      [...byStorage].map(async ([storage, ids]) => {
        const found = await fetch(this.snapshots.get(storage) as MapSnapshot, ids);
        for (const id of ids) results.set(`${storage}${SEP}${id}`, found.get(id) ?? missing);
      }),
    );
    return keys.map((k) => results.get(k) ?? missing);
  }
}

/** What every resolver of one GraphQL operation shares. */
export interface GqlContext {
  loaders: Loaders;
  /** The map versions this operation reads, pinned once each (see `MapPins`). */
  pins: MapPins;
  /**
   * Who asks: the API key's name and role (`keyId` its id), or the local admin of loopback access.
   * Always set when a resolver runs (requests without an identity are refused before execution);
   * `actorOf(context)` / `@CurrentActor()` give it non-optional.
   */
  actor?: Actor;
}

export type { PinnedMap };
