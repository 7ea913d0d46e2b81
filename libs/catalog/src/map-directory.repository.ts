import { Injectable } from '@nestjs/common';
import { Neo4jService, QueryRunner } from '@tadoru/graph';
import { StoredMapInfo } from './map-info';

/** A map as read, with the state of the generation it points at. */
export interface MapEntry {
  info: StoredMapInfo;
  /** The version the generation says it holds: it differs from `info.version` only in a read that met a write being applied. */
  generationVersion: number | null;
  /** An in-place write to the generation was marked as landing this many milliseconds ago (null: none). */
  pendingForMs: number | null;
}

/** Reads of the map nodes themselves: which maps there are and which version each is at. */
@Injectable()
export class MapDirectoryRepository {
  constructor(private readonly db: Neo4jService) {}

  async find(name: string): Promise<MapEntry | undefined> {
    const [row] = await this.db.readStatement('map.find', 'map/find-map', { map: name });
    return row ? toMapEntry(row) : undefined;
  }

  async list(): Promise<MapEntry[]> {
    return this.db.read('map.list', async (q) => (await q.run('map/list-maps', {})).map((r) => toMapEntry(r)));
  }

  /** The write sequence of each storage now (absent: the generation is gone). */
  writeSeqs(storages: string[]): Promise<Map<string, { writeSeq: number; pendingForMs: number | null }>> {
    return this.db.readStatement('map.writeSeqs', 'map/generation-write-seqs', { storages }).then(toWriteSeqs);
  }

  /** `writeSeqs` inside a unit of work already under way. */
  async writeSeqsIn(q: QueryRunner, storages: string[]): Promise<Map<string, { writeSeq: number; pendingForMs: number | null }>> {
    return toWriteSeqs(await q.run('map/generation-write-seqs', { storages }));
  }
}

function toWriteSeqs(rows: Array<Record<string, unknown>>): Map<string, { writeSeq: number; pendingForMs: number | null }> {
  return new Map(rows.map((r) => [r.storage as string, { writeSeq: r.writeSeq as number, pendingForMs: (r.pendingForMs as number | null) ?? null }]));
}

function toMapEntry(row: Record<string, unknown>): MapEntry {
  const m = row.map as Record<string, unknown>;
  return {
    info: {
      name: m.name as string,
      version: m.version as number,
      storage: m.storage as string,
      sources: (m.sources as string[]) ?? [],
      checksum: (m.checksum as string | null) ?? null,
      counts: m.countsJson ? (JSON.parse(m.countsJson as string) as Record<string, number>) : {},
      createdAt: m.createdAt as string,
      importedAt: m.importedAt as string,
      updatedAt: (m.updatedAt as string | null) ?? (m.importedAt as string),
      writeSeq: (m.writeSeq as number | null) ?? 0,
      rulesDigest: (m.rulesDigest as string | null) ?? null,
    },
    generationVersion: (m.generationVersion as number | null) ?? null,
    pendingForMs: (m.pendingForMs as number | null) ?? null,
  };
}
