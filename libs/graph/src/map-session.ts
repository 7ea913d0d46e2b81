import { Row } from './neo4j.service';

/**
 * One version of one map, as a reader pinned it. A map's elements and findings live under the key
 * of a stored generation (`storage`); every query's `$map` is that key, never the map's name, so a
 * reader that pinned a version keeps reading it while a writer builds the next one beside it.
 */
export interface MapSnapshot {
  /** The map's name, as users know it. */
  name: string;
  /** Incremented by every write to the map. */
  version: number;
  /** Key of the generation that holds this version: the `$map` of every query. */
  storage: string;
  /** Told of every unit of work that reads this version (a GraphQL operation counts its reads so). */
  onRead?: () => void;
}

/** Runs registered queries on one pinned version of one map, inside one unit of work; `$map` is filled in. */
export interface MapSession {
  readonly snapshot: MapSnapshot;
  run(key: string, params?: Record<string, unknown>): Promise<Row[]>;
}
