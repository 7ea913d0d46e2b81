import { Injectable, Logger } from '@nestjs/common';
import { basename } from 'node:path';
import { MapDirectoryService, PinnedMap, StoredMapInfo } from '@tadoru/catalog';
import { Actor, ConflictError, InvalidInputError, LOCAL_ACTOR } from '@tadoru/common';
import { MapSnapshot } from '@tadoru/graph';
import {
  buildGraphRows,
  checksumOf,
  countsOf,
  DataMap,
  ElementChange,
  ExportFormat,
  Flow,
  graphNodeCount,
  graphRowCount,
  loadMapSources,
  mapFromElements,
  MapSource,
  serializeMap,
} from '@tadoru/map';
import { ChangeScopeService } from '@tadoru/rules';
import { writeNewFlows } from './new-flows';
import { GenerationRepository, sliceGraphRows } from './generation.repository';
import { resolveMapName, scratchMapName } from './map-name';
import { importHistory } from './history';
import { MapWriter, WholeMapWriteOptions, WholeMapWriteResult, WriteHistory } from './map-writer.service';

export interface ImportResult {
  /** The version the import made current (or the one that already had this content). */
  map: PinnedMap;
  /** True when the stored map had the same content before this import. */
  unchanged: boolean;
  created: boolean;
}

export interface AddedFlows {
  map: PinnedMap;
  flows: string[];
  /** How many targets had their findings evaluated again; null: the whole map. */
  evaluatedTargets: number | null;
}

/** Graph rows per transaction when a map read whole is too large for one. */
const ROWS_PER_BATCH = 10_000;

/**
 * Writing maps: imports (whole), deletions, elements added in place, scratch maps for checks, and
 * export. Every write goes through `MapWriter`: one writer per map at a time, a new version with
 * its findings, made current in one step.
 */
@Injectable()
export class MapStoreService {
  private readonly logger = new Logger(MapStoreService.name);

  constructor(
    private readonly writer: MapWriter,
    private readonly generations: GenerationRepository,
    private readonly directory: MapDirectoryService,
    private readonly scopes: ChangeScopeService,
  ) {}

  /** Validates everything first and writes nothing unless the whole map is valid; then makes it the map's next version. */
  async importMap(sources: MapSource[], options: ImportOptions = {}): Promise<ImportResult> {
    const { map, problems } = loadMapSources(sources);
    if (!map) throw new InvalidInputError(problems);
    return this.importValidMap(map, sources, options);
  }

  /** Stores a map that `loadMapSources` already accepted (the CLI validates before starting a database). */
  async importValidMap(map: DataMap, sources: MapSource[], options: ImportOptions = {}): Promise<ImportResult> {
    const name = resolveMapName(map.map, sources[0]?.name, options.mapName);
    const files = sources.map((s) => (s.name ? basename(s.name) : '(text)'));
    const written = await this.writeWhole(name, map, files, { history: importHistory(files, options.actor ?? LOCAL_ACTOR) });
    this.logger.log(`imported map "${name}" as version ${written.map.version}`);
    return { map: await this.directory.pin(name), unchanged: written.unchanged, created: written.created };
  }

  /**
   * Stores a valid map under a fresh reserved name (user map names cannot start with `_`), runs
   * `work` on it, and removes it whatever happens: how `tadoru check` evaluates a map in a database
   * it may share with the service without leaving a trace there. Its findings are stored with it
   * unless `storeFindings` is false (an evaluation on demand, as of a date, needs none).
   */
  async withScratchMap<T>(map: DataMap, work: (scratch: PinnedMap) => Promise<T>, options: { storeFindings?: boolean } = {}): Promise<T> {
    const name = scratchMapName();
    try {
      await this.writeWhole(name, map, [], { scratch: true, storeFindings: options.storeFindings });
      return await work(await this.writer.pinWritten(name));
    } finally {
      await this.writer.removeScratch(name).catch((error: unknown) => this.logger.warn(`could not remove scratch map ${name}: ${String(error)}`));
    }
  }

  /** Stores a map under a hidden name of the service's own, with its findings (a past version rebuilt for reading). */
  async storeHiddenCopy(hiddenName: string, map: DataMap): Promise<void> {
    await this.writeWhole(hiddenName, map, ['(history)'], { scratch: true });
  }

  async exportMap(name: string, format: ExportFormat = 'yaml'): Promise<string> {
    return serializeMap(await this.exportMapObject(name), format);
  }

  /** The current version of a map, as a map document. */
  async exportMapObject(name: string): Promise<DataMap> {
    const snapshot = await this.directory.pin(name);
    return mapFromElements(name, await this.generations.readElements(snapshot));
  }

  /** Deletes a map (a new version with nothing in it; its history stays); NOT_FOUND when it has no version. */
  async deleteMap(name: string, actor: Actor = LOCAL_ACTOR): Promise<{ version: number }> {
    await this.directory.pin(name);
    return { version: (await this.writer.deleteMap(name, { kind: 'delete', actor, description: `map "${name}" deleted`, change: null })).version };
  }

  /** Writes a map that a change set produced as the next version, whole, unless the stored version moved on from `expectedVersion`. */
  writeChangedMap(name: string, map: DataMap, options: { expectedVersion: number; history: WriteHistory }): Promise<WholeMapWriteResult> {
    return this.writeWhole(name, map, ['(change set)'], options);
  }

  conflictOnVersion(name: string, stored: number, expected: number): never {
    throw new ConflictError(`map "${name}" is at version ${stored}, not ${expected}: it changed since the change was checked; propose it again against version ${stored}`);
  }

  /** The content checksum of a version, computed from what is stored (a version changed in place has none recorded). */
  async contentChecksum(snapshot: MapSnapshot): Promise<string> {
    return checksumOf(mapFromElements(snapshot.name, await this.generations.readElements(snapshot)));
  }

  /**
   * Adds flows to a stored map in place: they are validated against it, written with their lineage
   * steps, and the findings they can change (see `ChangeScopeService`) are evaluated again, in one
   * transaction that makes the next version current.
   */
  async addFlows(name: string, flows: Flow[], actor: Actor = LOCAL_ACTOR): Promise<AddedFlows> {
    await this.directory.pin(name);
    const change = { tadoru: 1, upsert: { flows }, retire: {}, remove: {} };
    const done = await this.writer.changeInPlace(
      name,
      async (s, state) => {
        const nextSeqs = await writeNewFlows(s, flows, state.nextSeqs ?? {}, 'flows', true);
        const scope = await this.scopes.ofAddedFlows(s, flows.map((f) => f.id));
        const elements = flows.map((f): ElementChange => ({ section: 'flows', id: f.id, kind: 'added', before: null, after: f as unknown as Record<string, unknown> }));
        return { counts: { ...state.counts, flows: (state.counts.flows ?? 0) + flows.length }, nextSeqs, scope: scope.targets, result: flows.map((f) => f.id), elements };
      },
      { history: { kind: 'change', actor, description: null, change } },
    );
    return { map: await this.directory.pin(name), flows: done.result, evaluatedTargets: done.evaluatedTargets };
  }

  findMap(name: string): Promise<StoredMapInfo | undefined> {
    return this.directory.findMap(name);
  }

  private writeWhole(name: string, map: DataMap, sources: string[], options: Pick<WholeMapWriteOptions, 'scratch' | 'storeFindings' | 'history' | 'expectedVersion'>) {
    const stored: DataMap = { ...map, map: name };
    const { rows, nextSeqs } = buildGraphRows(stored);
    const meta = { sources, checksum: checksumOf(stored), counts: countsOf(stored) };
    return this.writer.replaceWhole(name, meta, { ...options, expectedRows: graphRowCount(rows) }, async (sink) => {
      if (!sink.batched) await sink.write(rows);
      else for (const part of sliceGraphRows(rows, ROWS_PER_BATCH)) await sink.write(part);
      return { nodes: graphNodeCount(rows), nextSeqs };
    });
  }
}

export interface ImportOptions {
  mapName?: string;
  /** Who imports (the history's actor); the local CLI's user when not given. */
  actor?: Actor;
}
