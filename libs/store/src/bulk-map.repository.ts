import { Injectable } from '@nestjs/common';
import { int, Neo4jService } from '@tadoru/graph';
import { MapGraphRows } from '@tadoru/map';
import { writeGraphRows } from './map.repository';

/** Nodes removed or renamed per transaction: large enough to be quick, small enough for a 1 GiB heap. */
const SLICE = 20_000;

export type ImportMode = 'new' | 'replace' | 'busy';

export interface StagedMeta {
  sources: string[];
  checksum: string;
  counts: Record<string, number>;
}

export interface InterruptedWork {
  name: string;
  importing: boolean;
  staging: boolean;
  swapFrom: string | null;
  swapPhase: string | null;
  deleting: boolean;
}

/**
 * The writes of a bulk import, each in its own short transaction so that no transaction holds a
 * whole large map. What a reader may see is guarded by the map node's state instead (see
 * `cypher/queries/map/bulk/`), and every step can be resumed or rolled back after a crash.
 */
@Injectable()
export class BulkMapRepository {
  constructor(private readonly db: Neo4jService) {}

  async beginImport(map: string, staging: string): Promise<{ mode: ImportMode; previousChecksum?: string }> {
    const [row] = await this.db.write('map.bulk.begin', (q) => q.run('map/bulk/begin-import', { map, staging }));
    return { mode: row.mode as ImportMode, previousChecksum: (row.previousChecksum as string | null) ?? undefined };
  }

  writeBatch(map: string, rows: MapGraphRows): Promise<void> {
    return this.db.write('map.bulk.batch', (q) => writeGraphRows(q, map, rows));
  }

  async touch(map: string): Promise<void> {
    await this.db.write('map.bulk.touch', (q) => q.run('map/bulk/touch-import', { map }));
  }

  async countNodes(map: string): Promise<number> {
    const [row] = await this.db.read('map.bulk.count', (q) => q.run('map/bulk/count-map-nodes', { map }));
    return row.nodes as number;
  }

  async countRelationships(map: string): Promise<number> {
    const [row] = await this.db.read('map.bulk.countRelationships', (q) => q.run('map/bulk/count-map-relationships', { map }));
    return row.relationships as number;
  }

  async stageMeta(staging: string, meta: StagedMeta): Promise<void> {
    await this.db.write('map.bulk.stageMeta', (q) =>
      q.run('map/bulk/stage-meta', { staging, sources: meta.sources, checksum: meta.checksum, countsJson: JSON.stringify(meta.counts) }),
    );
  }

  async stagedMeta(staging: string): Promise<StagedMeta> {
    const [row] = await this.db.read('map.bulk.stagedMeta', (q) => q.run('map/bulk/staged-meta', { staging }));
    return { sources: (row?.sources as string[]) ?? [], checksum: row?.checksum as string, counts: row?.countsJson ? JSON.parse(row.countsJson as string) : {} };
  }

  /** Marks the swap begun; false when something else already holds the map. */
  async beginSwap(map: string, staging: string): Promise<boolean> {
    const [row] = await this.db.write('map.bulk.swap', (q) => q.run('map/bulk/begin-swap', { map, staging }));
    return (row.claimed as number) > 0;
  }

  async setSwapPhase(map: string, phase: 'delete-old' | 'rename'): Promise<void> {
    await this.db.write('map.bulk.phase', (q) => q.run('map/bulk/set-swap-phase', { map, phase }));
  }

  async finish(map: string, staging: string, meta: StagedMeta): Promise<void> {
    await this.db.write('map.bulk.finish', (q) =>
      q.run('map/bulk/finish-import', { map, staging, sources: meta.sources, checksum: meta.checksum, countsJson: JSON.stringify(meta.counts) }),
    );
  }

  async markDeleting(map: string): Promise<void> {
    await this.db.write('map.bulk.markDeleting', (q) => q.run('map/bulk/mark-deleting', { map }));
  }

  /** Removes every element of `map` slice by slice, then its map node when `withMapNode`. */
  async deleteInSlices(map: string, withMapNode: boolean, onSlice?: (deleted: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const [row] = await this.db.write('map.bulk.deleteSlice', (q) => q.run('map/bulk/delete-elements-batch', { map, limit: int(SLICE) }));
      const deleted = row.deleted as number;
      total += deleted;
      onSlice?.(deleted);
      if (deleted < SLICE) break;
    }
    if (withMapNode) await this.db.write('map.bulk.deleteNode', (q) => q.run('map/bulk/delete-map-node', { map }));
    return total;
  }

  /** Moves the staged elements under the map's name, slice by slice. */
  async renameInSlices(staging: string, map: string, onSlice?: (renamed: number) => void): Promise<void> {
    for (;;) {
      const [row] = await this.db.write('map.bulk.renameSlice', (q) => q.run('map/bulk/rename-elements-batch', { staging, map, limit: int(SLICE) }));
      onSlice?.(row.renamed as number);
      if ((row.renamed as number) < SLICE) return;
    }
  }

  async listInterrupted(silentSeconds: number): Promise<InterruptedWork[]> {
    const rows = await this.db.read('map.bulk.interrupted', (q) => q.run('map/bulk/list-interrupted-imports', { silentSeconds: int(silentSeconds) }));
    return rows as unknown as InterruptedWork[];
  }
}
