import { Injectable } from '@nestjs/common';
import { MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { decodeCursor, encodeCursor, InvalidInputError, NotFoundError, Problem, RESERVED_MAP_PREFIX } from '@tadoru/common';
import { DataMap, ElementChange, FORMAT_VERSION, replayElementChanges } from '@tadoru/map';
import { ChangeRecord, RecordedFinding } from './history';
import { FindingNeedle, HistoryFilter, HistoryRepository, RecordHeader } from './history.repository';
import { HISTORY_COPY_PREFIX } from './map-name';
import { MapStoreService } from './map-store.service';

export interface ChangesQuery {
  since?: string | null;
  until?: string | null;
  actor?: string | null;
  element?: string | null;
}

export interface ChangesPage {
  records: ChangeRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/** Two versions of one map side by side: both as map documents, their findings, and the records between them. */
export interface VersionComparison {
  map: string;
  from: number;
  to: number;
  before: DataMap;
  after: DataMap;
  findingsBefore: RecordedFinding[];
  findingsAfter: RecordedFinding[];
  /** The writes from `from` (exclusive) to `to` (inclusive), oldest first: what changed, and who did it. */
  records: ChangeRecord[];
}

export type { RecordHeader };

/** When the findings present at a version appeared: the write that introduced each, and the map's first write. */
export interface FindingIntroductions {
  /** The map's first recorded write (null: the map has no history). */
  first: RecordHeader | null;
  /** By finding id (`<rule>:<kind>:<target>`); a finding no record introduced (evaluated on demand, as of a date) is absent. */
  byFinding: Map<string, RecordHeader>;
}

/** A finding as far as its identity goes (what history records of it before anything else). */
export interface FindingIdentity {
  id: string;
  rule: string;
  severity: string;
  target: { kind: string; id: string };
}

/** Findings looked up in one statement: a page of a report. */
export const MAX_INTRODUCTIONS_LOOKUP = 500;

const MAX_PAGE = 200;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Reading the history (shared/spec/changes.md §History): the records of a map's writes, any past
 * version rebuilt from them, and two versions compared. Nothing here writes history; the writer
 * records it with every version it makes.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly history: HistoryRepository,
    private readonly directory: MapDirectoryService,
    private readonly maps: MapStoreService,
  ) {}

  async changes(map: string, query: ChangesQuery, page: { first: number; after?: string | null }): Promise<ChangesPage> {
    const problems: Problem[] = [];
    const since = dateTime(query.since, 'since', problems);
    const until = dateTime(query.until, 'until', problems);
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_PAGE) problems.push({ path: 'first', message: `must be 0 to ${MAX_PAGE}, got ${page.first}` });
    const scope = { list: 'changes', version: 0, question: JSON.stringify([map, since, until, query.actor ?? null, query.element ?? null]) };
    let before: number | null = null;
    if (page.after) {
      try {
        before = Number(decodeCursor(page.after, scope));
      } catch (error) {
        if (error instanceof InvalidInputError) problems.push(...error.problems);
        else throw error;
      }
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    await this.requireHistory(map);
    const filter: HistoryFilter = { since, until, actor: query.actor ?? null, element: query.element ?? null, before };
    const rows = await this.history.list(map, filter, page.first + 1);
    const records = rows.slice(0, page.first);
    return { records, hasNextPage: rows.length > page.first, endCursor: records.length > 0 ? encodeCursor(scope, String(records[records.length - 1].version)) : null };
  }

  async record(map: string, version: number): Promise<ChangeRecord> {
    const [record] = await this.history.records(map, version, version);
    if (!record) throw new NotFoundError('version', `${map}@${version}`, 'version');
    return record;
  }

  /** The element states one write recorded, before and after (the first `limit` of them). */
  async elementChanges(map: string, version: number, limit = Number.MAX_SAFE_INTEGER): Promise<ElementChange[]> {
    if (limit !== Number.MAX_SAFE_INTEGER) return this.history.statesOfRecord(map, version, limit);
    const written = await this.history.elementStates(map, version, version);
    return written.flatMap((w) => w.states);
  }

  /** The map document as it stood at `version`, rebuilt from the history; NOT_FOUND when it had no such version or was deleted then. */
  async mapAt(map: string, version: number): Promise<DataMap> {
    const record = await this.record(map, version);
    if (record.kind === 'delete') throw new NotFoundError('version', `${map}@${version}`, 'version');
    // A deletion empties the map: replaying starts after the last one before the version.
    const lastDeletion = (await this.history.records(map, 1, version)).filter((r) => r.kind === 'delete').pop();
    let state: DataMap = { tadoru: FORMAT_VERSION, map };
    for (const written of await this.history.elementStates(map, (lastDeletion?.version ?? 0) + 1, version)) state = replayElementChanges(state, written.states);
    return state;
  }

  /**
   * A version to read, pinned like the current one: the current version itself, or a past one
   * rebuilt from the history into a hidden map of the service's own (with its findings evaluated),
   * kept for later reads of that version until the store's tidy-up removes it.
   */
  async pinVersion(map: string, version: number): Promise<PinnedMap> {
    if (map.startsWith(RESERVED_MAP_PREFIX)) throw new NotFoundError('map', map, 'name');
    const current = await this.directory.findMap(map);
    if (current && current.version === version && current.storage) return this.directory.pin(map);
    const hidden = `${HISTORY_COPY_PREFIX}${version}-${map}`;
    let pinned: PinnedMap;
    try {
      pinned = await this.directory.pinStored(hidden);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const document = await this.mapAt(map, version);
      await this.maps.storeHiddenCopy(hidden, document);
      pinned = await this.directory.pinStored(hidden);
    }
    return { ...pinned, name: map, version };
  }

  async compare(map: string, from: number, to: number): Promise<VersionComparison> {
    const problems: Problem[] = [];
    if (!Number.isInteger(from) || from < 1) problems.push({ path: 'from', message: `must be a version (1 or more), got ${from}` });
    if (!Number.isInteger(to) || to < 1) problems.push({ path: 'to', message: `must be a version (1 or more), got ${to}` });
    if (problems.length === 0 && from > to) problems.push({ path: 'from', message: `must not be after "to" (${from} > ${to})` });
    if (problems.length > 0) throw new InvalidInputError(problems);
    const records = await this.history.records(map, 1, to);
    if (!records.some((r) => r.version === to)) throw new NotFoundError('version', `${map}@${to}`, 'to');
    if (!records.some((r) => r.version === from)) throw new NotFoundError('version', `${map}@${from}`, 'from');
    const [before, after] = await Promise.all([this.documentOrEmpty(map, from), this.documentOrEmpty(map, to)]);
    return {
      map,
      from,
      to,
      before,
      after,
      findingsBefore: findingsAt(records.filter((r) => r.version <= from)),
      findingsAfter: findingsAt(records),
      records: records.filter((r) => r.version > from),
    };
  }

  /**
   * For each finding of `version` (at most MAX_INTRODUCTIONS_LOOKUP at a time), the newest write up to
   * that version that introduced it: the version, date and actor a report states as "introduced".
   */
  async findingIntroductions(map: string, version: number, findings: readonly FindingIdentity[]): Promise<FindingIntroductions> {
    if (findings.length > MAX_INTRODUCTIONS_LOOKUP) throw new InvalidInputError([{ path: 'findings', message: `at most ${MAX_INTRODUCTIONS_LOOKUP} findings at a time, got ${findings.length}` }]);
    const needles: FindingNeedle[] = findings.map((f) => ({ key: f.id, needle: findingNeedle(f) }));
    const [first, byFinding] = await Promise.all([this.history.firstRecord(map), this.history.introductions(map, version, needles)]);
    return { first, byFinding };
  }

  size(map: string): Promise<{ records: number; chunks: number; bytes: number }> {
    return this.history.size(map);
  }

  private async documentOrEmpty(map: string, version: number): Promise<DataMap> {
    try {
      return await this.mapAt(map, version);
    } catch (error) {
      if (error instanceof NotFoundError) return { tadoru: FORMAT_VERSION, map };
      throw error;
    }
  }

  private async requireHistory(map: string): Promise<void> {
    if (map.startsWith(RESERVED_MAP_PREFIX)) throw new NotFoundError('map', map, 'map');
    const [first] = await this.history.list(map, { since: null, until: null, actor: null, element: null, before: null }, 1);
    if (!first && !(await this.directory.findMap(map))) throw new NotFoundError('map', map, 'map');
  }
}

/** The findings a version had, folded from the introduced and resolved of every write up to it. */
export function findingsAt(records: readonly ChangeRecord[]): RecordedFinding[] {
  const key = (f: RecordedFinding) => `${f.rule}\u0000${f.target.kind}\u0000${f.target.id}`;
  const current = new Map<string, RecordedFinding>();
  for (const r of [...records].sort((a, b) => a.version - b.version)) {
    for (const f of r.resolved) current.delete(key(f));
    for (const f of r.introduced) current.set(key(f), f);
  }
  return [...current.values()];
}

/**
 * A finding's identifying fields exactly as a record's JSON writes them (`recordedFinding` puts rule,
 * severity and target first, in this order), closed after the target id so that one id is never
 * taken for the beginning of a longer one.
 */
export function findingNeedle(f: Pick<FindingIdentity, 'rule' | 'severity' | 'target'>): string {
  return `"rule":${JSON.stringify(f.rule)},"severity":${JSON.stringify(f.severity)},"target":{"kind":${JSON.stringify(f.target.kind)},"id":${JSON.stringify(f.target.id)}}`;
}

function dateTime(value: string | null | undefined, path: string, problems: Problem[]): string | null {
  if (value === undefined || value === null) return null;
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) problems.push({ path, message: `must be an ISO date or date-time (2026-12-04 or 2026-12-04T09:00:00Z), got "${value}"` });
  return value;
}
