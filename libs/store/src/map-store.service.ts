import { Injectable, Logger } from '@nestjs/common';
import { basename } from 'node:path';
import { MapDirectoryService, PinnedMap, StoredMapInfo } from '@tadoru/catalog';
import { InvalidInputError, Problem } from '@tadoru/common';
import { MapSnapshot } from '@tadoru/graph';
import {
  assetId,
  buildGraphRows,
  checksumOf,
  countsOf,
  DataMap,
  ExportFormat,
  Flow,
  graphNodeCount,
  graphRowCount,
  GraphRowBuilder,
  emptyGraphRows,
  loadMapSources,
  mapFromElements,
  MapSource,
  MapValidator,
  serializeMap,
} from '@tadoru/map';
import { ChangeScopeService } from '@tadoru/rules';
import { GenerationRepository, sliceGraphRows, writeGraphRowsIn } from './generation.repository';
import { resolveMapName, scratchMapName } from './map-name';
import { MapWriter, WholeMapWriteOptions } from './map-writer.service';

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
  async importMap(sources: MapSource[], options: { mapName?: string } = {}): Promise<ImportResult> {
    const { map, problems } = loadMapSources(sources);
    if (!map) throw new InvalidInputError(problems);
    return this.importValidMap(map, sources, options);
  }

  /** Stores a map that `loadMapSources` already accepted (the CLI validates before starting a database). */
  async importValidMap(map: DataMap, sources: MapSource[], options: { mapName?: string } = {}): Promise<ImportResult> {
    const name = resolveMapName(map.map, sources[0]?.name, options.mapName);
    const written = await this.writeWhole(name, map, sources.map((s) => (s.name ? basename(s.name) : '(text)')), {});
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

  async exportMap(name: string, format: ExportFormat = 'yaml'): Promise<string> {
    return serializeMap(await this.exportMapObject(name), format);
  }

  /** The current version of a map, as a map document. */
  async exportMapObject(name: string): Promise<DataMap> {
    const snapshot = await this.directory.pin(name);
    return mapFromElements(name, await this.generations.readElements(snapshot));
  }

  /** Deletes a map (a new version with nothing in it); NOT_FOUND when it has no version. */
  async deleteMap(name: string): Promise<{ version: number }> {
    await this.directory.pin(name);
    return { version: (await this.writer.deleteMap(name)).version };
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
  async addFlows(name: string, flows: Flow[]): Promise<AddedFlows> {
    await this.directory.pin(name);
    const done = await this.writer.changeInPlace(name, async (s, state) => {
      const touched = flows.flatMap((f) => f.dataCategories.flatMap((c) => [assetId(f.from, c), assetId(f.to, c)]));
      const [row] = await s.run('store/existing-flow-references', referenceParams(flows, touched));
      const known = row as unknown as KnownReferences;
      checkNewFlows(flows, known);
      const systems = new Map(known.systems.map((x) => [x.id, x]));
      const builder = new GraphRowBuilder(
        { operatorOf: (id) => systems.get(id)?.operator, locationOf: (id) => systems.get(id)?.location ?? undefined },
        { nextSeqs: state.nextSeqs ?? {}, assets: known.assets },
      );
      const rows = emptyGraphRows();
      for (const flow of flows) builder.add('flows', flow, rows);
      await writeGraphRowsIn(s, rows);
      const scope = await this.scopes.ofAddedFlows(s, flows.map((f) => f.id));
      return { counts: { ...state.counts, flows: (state.counts.flows ?? 0) + flows.length }, nextSeqs: builder.nextSeqs(), scope: scope.targets, result: flows.map((f) => f.id) };
    });
    return { map: await this.directory.pin(name), flows: done.result, evaluatedTargets: done.evaluatedTargets };
  }

  findMap(name: string): Promise<StoredMapInfo | undefined> {
    return this.directory.findMap(name);
  }

  private writeWhole(name: string, map: DataMap, sources: string[], options: Pick<WholeMapWriteOptions, 'scratch' | 'storeFindings'>) {
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

/** What `store/existing-flow-references` finds of the ids new flows use. */
interface KnownReferences {
  existingFlows: string[];
  systems: Array<{ id: string; operator: string; location: string | null }>;
  categories: string[];
  purposes: string[];
  notices: string[];
  assets: Array<{ id: string; system: string; category: string; held: boolean }>;
}

/** The flows' own shape (the map format's rules for a flow entry), that their ids are new, and that what they refer to exists. */
function checkNewFlows(flows: Flow[], known: KnownReferences): void {
  const validator = new MapValidator(false, 'shapes');
  flows.forEach((flow, i) => validator.element(undefined, 'flows', i, flow));
  const problems: Problem[] = [...validator.allProblems()];
  if (problems.length > 0) throw new InvalidInputError(problems);
  const systems = new Set(known.systems.map((x) => x.id));
  flows.forEach((f, i) => {
    if (known.existingFlows.includes(f.id)) problems.push({ path: `flows[${i}].id`, message: `the map already has a flow "${f.id}"` });
    for (const [field, id] of [['from', f.from], ['to', f.to]] as const) if (!systems.has(id)) problems.push({ path: `flows[${i}].${field}`, message: `unknown system "${id}"` });
    f.dataCategories.forEach((c, j) => {
      if (!known.categories.includes(c)) problems.push({ path: `flows[${i}].dataCategories[${j}]`, message: `unknown data category "${c}"` });
    });
    (f.purposes ?? []).forEach((p, j) => {
      if (!known.purposes.includes(p)) problems.push({ path: `flows[${i}].purposes[${j}]`, message: `unknown purpose "${p}"` });
    });
    if (f.notice && !known.notices.includes(f.notice)) problems.push({ path: `flows[${i}].notice`, message: `unknown notice "${f.notice}"` });
  });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

function referenceParams(flows: Flow[], assetIds: string[]) {
  return {
    flowIds: flows.map((f) => f.id),
    systemIds: [...new Set(flows.flatMap((f) => [f.from, f.to]))],
    categoryIds: [...new Set(flows.flatMap((f) => f.dataCategories))],
    purposeIds: [...new Set(flows.flatMap((f) => f.purposes ?? []))],
    noticeIds: [...new Set(flows.flatMap((f) => (f.notice ? [f.notice] : [])))],
    assetIds: [...new Set(assetIds)],
  };
}
