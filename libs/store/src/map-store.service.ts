import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { MapDirectoryService, StoredMapInfo } from '@tadoru/catalog';
import { InvalidInputError } from '@tadoru/common';
import { checksumOf, countsOf, DataMap, ExportFormat, loadMapSources, mapFromElements, MapSource, serializeMap, toGraphRows } from '@tadoru/map';
import { BulkMapRepository } from './bulk-map.repository';
import { resolveMapName, SCRATCH_PREFIX } from './map-name';
import { MapRepository } from './map.repository';

export interface ImportResult {
  map: StoredMapInfo;
  /** True when the stored map had the same content before this import. */
  unchanged: boolean;
  created: boolean;
}

/** Map entries beyond which one removal transaction would need too much of the database's memory. */
const LARGEST_MAP_DELETED_AT_ONCE = 50_000;


@Injectable()
export class MapStoreService {
  private readonly logger = new Logger(MapStoreService.name);

  constructor(
    private readonly repository: MapRepository,
    private readonly bulk: BulkMapRepository,
    private readonly directory: MapDirectoryService,
  ) {}

  /**
   * Validates everything first and writes nothing unless the whole map is valid; then replaces the
   * named map in one transaction. Other maps are never touched.
   */
  async importMap(sources: MapSource[], options: { mapName?: string } = {}): Promise<ImportResult> {
    const { map, problems } = loadMapSources(sources);
    if (!map) throw new InvalidInputError(problems);
    return this.importValidMap(map, sources, options);
  }

  /** Stores a map that `loadMapSources` already accepted (the CLI validates before starting a database). */
  async importValidMap(map: DataMap, sources: MapSource[], options: { mapName?: string } = {}): Promise<ImportResult> {
    const name = resolveMapName(map.map, sources[0]?.name, options.mapName);
    const stored: DataMap = { ...map, map: name };
    const checksum = checksumOf(stored);
    const counts = countsOf(stored);
    const { previous, stored: info } = await this.repository.replaceMap(name, toGraphRows(stored), {
      sources: sources.map((s) => (s.name ? basename(s.name) : '(text)')),
      checksum,
      counts,
    });
    this.logger.log(`imported map "${name}" (${Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ')})`);
    return { map: info, unchanged: previous?.checksum === checksum, created: previous === undefined };
  }

  /**
   * Stores a valid map under a fresh reserved name (user map names cannot start with `_`), runs
   * `work` on it, and removes it whatever happens: how `tadoru check` evaluates a map in a database
   * it may share with the service without leaving a trace there.
   */
  async withScratchMap<T>(map: DataMap, work: (name: string) => Promise<T>): Promise<T> {
    await this.removeStaleScratchMaps();
    const name = `${SCRATCH_PREFIX}${randomUUID()}`;
    const stored: DataMap = { ...map, map: name };
    await this.repository.replaceMap(name, toGraphRows(stored), { sources: [], checksum: checksumOf(stored), counts: countsOf(stored) });
    try {
      return await work(name);
    } finally {
      await this.repository.deleteMap(name).catch((error: unknown) => this.logger.warn(`could not remove scratch map ${name}: ${String(error)}`));
    }
  }

  /** Scratch maps of checks killed mid-way (an hour is far longer than any check runs). */
  async removeStaleScratchMaps(olderThanSeconds = 3600): Promise<number> {
    const stale = await this.repository.listStaleScratchMaps(olderThanSeconds);
    for (const name of stale) {
      const info = await this.directory.findMap(name);
      if (info) await this.removeStored(info);
    }
    return stale.length;
  }

  async exportMap(name: string, format: ExportFormat = 'yaml'): Promise<string> {
    return serializeMap(await this.exportMapObject(name), format);
  }

  async exportMapObject(name: string): Promise<DataMap> {
    await this.directory.getMap(name);
    return mapFromElements(name, await this.repository.readElements(name));
  }

  /** Small maps go in one transaction; large ones slice by slice, refused to readers from the start. */
  async deleteMap(name: string): Promise<boolean> {
    return this.removeStored(await this.directory.getMap(name));
  }

  private async removeStored(info: StoredMapInfo): Promise<boolean> {
    const entries = Object.values(info.counts).reduce((a, b) => a + b, 0);
    if (entries <= LARGEST_MAP_DELETED_AT_ONCE) return this.repository.deleteMap(info.name);
    await this.bulk.markDeleting(info.name);
    await this.bulk.deleteInSlices(info.name, true);
    return true;
  }

}
