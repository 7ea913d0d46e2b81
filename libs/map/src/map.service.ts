import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { InvalidInputError, NotFoundError, Problem } from '@tadoru/common';
import { ExportFormat, mapFromElements, serializeMap } from './export/map-from-graph';
import { toGraphRows } from './graph/map-graph-rows';
import { MapRepository, StoredMapInfo } from './import/map.repository';
import { DataMap, SECTIONS } from './model/data-map';
import { MapFormat, parseMapText } from './parsing/map-parser';
import { ID_PATTERN, validateMap } from './validation/map-validator';

export interface MapSource {
  /** A file name (for messages and to tell YAML from JSON); absent for text sent through the API. */
  name?: string;
  text: string;
  format?: MapFormat;
}

export interface LoadedMap {
  map?: DataMap;
  problems: Problem[];
}

export interface ImportResult {
  map: StoredMapInfo;
  /** True when the stored map had the same content before this import. */
  unchanged: boolean;
  created: boolean;
}

/** Parses and validates sources into one map; pure, no database. */
export function loadMapSources(sources: MapSource[]): LoadedMap {
  const problems: Problem[] = [];
  const documents = [];
  for (const source of sources) {
    const parsed = parseMapText(source.text, source.name, source.format);
    problems.push(...parsed.problems);
    if (parsed.document) documents.push(parsed.document);
  }
  if (sources.length === 0) problems.push({ path: '(input)', message: 'no map given' });
  if (problems.length > 0) return { problems };
  return validateMap(documents.length > 1 ? documents : documents.map((d) => ({ ...d, file: undefined })));
}

export function countsOf(map: DataMap): Record<string, number> {
  return Object.fromEntries(SECTIONS.map((s) => [s, (map[s] ?? []).length]));
}

/** Same content, same checksum: keys sorted; null, absent and empty lists mean the same and are dropped. */
export function checksumOf(map: DataMap): string {
  return createHash('sha256').update(canonicalJson(map)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Prefix of scratch map names; `_` is not allowed in a user's map name, so they never collide. */
export const SCRATCH_PREFIX = '_scratch-';

@Injectable()
export class MapService {
  private readonly logger = new Logger(MapService.name);

  constructor(private readonly repository: MapRepository) {}

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
    const name = this.resolveName(map, sources, options.mapName);
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
    for (const name of stale) await this.repository.deleteMap(name);
    return stale.length;
  }

  async exportMap(name: string, format: ExportFormat = 'yaml'): Promise<string> {
    return serializeMap(await this.exportMapObject(name), format);
  }

  async exportMapObject(name: string): Promise<DataMap> {
    await this.getMap(name);
    return mapFromElements(name, await this.repository.readElements(name));
  }

  async deleteMap(name: string): Promise<boolean> {
    await this.getMap(name);
    return this.repository.deleteMap(name);
  }

  async getMap(name: string): Promise<StoredMapInfo> {
    const info = await this.repository.find(name);
    if (!info) throw new NotFoundError('map', name, 'map');
    return info;
  }

  findMap(name: string): Promise<StoredMapInfo | undefined> {
    return this.repository.find(name);
  }

  listMaps(): Promise<StoredMapInfo[]> {
    return this.repository.list();
  }

  private resolveName(map: DataMap, sources: MapSource[], override?: string): string {
    const fromFile = sources[0]?.name ? basename(sources[0].name).replace(/\.(ya?ml|json)$/i, '') : undefined;
    const name = override ?? map.map ?? fromFile;
    if (!name) throw new InvalidInputError([{ path: 'map', message: 'required: name the map in the file (`map: my-map`) or in the request' }]);
    if (!ID_PATTERN.test(name)) throw new InvalidInputError([{ path: 'map', message: `"${name}" is not a valid map name: use 1-128 characters from A-Z a-z 0-9 . _ : -` }]);
    return name;
  }
}
