import { Injectable } from '@nestjs/common';
import { Neo4jService, QueryRunner } from '@tadoru/graph';
import { StoredMapInfo } from './map-info';

/** Reads of the map nodes themselves: which maps there are and what was last stored in each. */
@Injectable()
export class MapDirectoryRepository {
  constructor(private readonly db: Neo4jService) {}

  find(name: string): Promise<StoredMapInfo | undefined> {
    return this.db.read('map.find', (q) => findMapIn(q, name));
  }

  list(): Promise<StoredMapInfo[]> {
    return this.db.read('map.list', async (q) => (await q.run('map/list-maps', {})).map((r) => toStoredMapInfo(r.map)));
  }
}

/** The map node read inside any unit of work (writers read it in their own transaction). */
export async function findMapIn(q: QueryRunner, name: string): Promise<StoredMapInfo | undefined> {
  const [row] = await q.run('map/find-map', { map: name });
  return row ? toStoredMapInfo(row.map) : undefined;
}

function toStoredMapInfo(value: unknown): StoredMapInfo {
  const m = value as Record<string, unknown>;
  return {
    name: m.name as string,
    sources: (m.sources as string[]) ?? [],
    checksum: m.checksum as string,
    counts: m.countsJson ? (JSON.parse(m.countsJson as string) as Record<string, number>) : {},
    createdAt: m.createdAt as string,
    importedAt: m.importedAt as string,
    ...(m.busy ? { busy: m.busy as StoredMapInfo['busy'] } : {}),
  };
}
