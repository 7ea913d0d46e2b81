import { Injectable } from '@nestjs/common';
import { int, Neo4jService, QueryRunner } from '@tadoru/graph';
import { ElementChange, ElementCounts } from '@tadoru/map';
import { ChangeKind, ChangeRecord, RecordedFinding } from './history';

/** Element states per history chunk: one small change is one chunk; a large import, a few thousand. */
export const STATES_PER_CHUNK = 500;
/** Chunks written per transaction when a large import writes them ahead of its record. */
const CHUNKS_PER_TRANSACTION = 40;

export interface NewChangeRecord {
  id: string;
  map: string;
  version: number;
  baseVersion: number;
  kind: ChangeKind;
  actor: { name: string; role: string };
  description: string | null;
  change: unknown;
  elements: ElementCounts;
  introduced: RecordedFinding[];
  resolved: RecordedFinding[];
  chunks: number;
}

export interface HistoryFilter {
  since: string | null;
  until: string | null;
  actor: string | null;
  element: string | null;
  /** Only versions older than this (the page cursor). */
  before: number | null;
}

/** A record without its contents: which write it was, when, and by whom. */
export interface RecordHeader {
  version: number;
  at: string;
  kind: ChangeKind;
  actor: { name: string; role: string };
}

/** One finding to look up in the records: `needle` is its identifying fields as the record's JSON writes them. */
export interface FindingNeedle {
  key: string;
  needle: string;
}

interface HistoryChunkRow {
  seq: number;
  elementIds: string[];
  statesJson: string;
}

/** The Cypher of the history: records and their element states are only ever created, never changed. */
@Injectable()
export class HistoryRepository {
  constructor(private readonly db: Neo4jService) {}

  /** The record of a write, in the transaction that publishes its version. */
  async record(q: QueryRunner, record: NewChangeRecord): Promise<string> {
    const [row] = await q.run('history/record-change', {
      id: record.id,
      map: record.map,
      version: int(record.version),
      baseVersion: int(record.baseVersion),
      kind: record.kind,
      actorName: record.actor.name,
      actorRole: record.actor.role,
      description: record.description,
      changeJson: JSON.stringify(record.change ?? null),
      elementCountsJson: JSON.stringify(record.elements),
      introducedJson: JSON.stringify(record.introduced),
      resolvedJson: JSON.stringify(record.resolved),
      chunks: int(record.chunks),
    });
    return row.at as string;
  }

  async hasRecord(q: QueryRunner, map: string, version: number): Promise<boolean> {
    const [row] = await q.run('history/has-record', { map, version: int(version) });
    return row?.recorded === true;
  }

  /** Element states in the writer's transaction (a small change: they land with the record). */
  async writeChunks(q: QueryRunner, recordId: string, map: string, version: number, states: readonly ElementChange[]): Promise<number> {
    const chunks = toChunks(states);
    if (chunks.length > 0) await q.run('history/write-history-chunks', { recordId, map, version: int(version), chunks });
    return chunks.length;
  }

  /** Element states of a large write in transactions of their own, ahead of the record that makes them count. */
  async writeChunksCommitted(recordId: string, map: string, version: number, states: readonly ElementChange[]): Promise<number> {
    const chunks = toChunks(states);
    for (let i = 0; i < chunks.length; i += CHUNKS_PER_TRANSACTION) {
      const part = chunks.slice(i, i + CHUNKS_PER_TRANSACTION);
      await this.db.write('history.chunks', (q) => q.run('history/write-history-chunks', { recordId, map, version: int(version), chunks: part }));
    }
    return chunks.length;
  }

  /** Removes element states whose record was never written (a write that failed after writing them). */
  async removeUnrecordedChunks(recordId: string): Promise<void> {
    await this.db.write('history.removeUnrecorded', (q) => q.run('history/remove-unrecorded-chunks', { recordId }));
  }

  async list(map: string, filter: HistoryFilter, limit: number): Promise<ChangeRecord[]> {
    const rows = await this.db.read('history.list', (q) =>
      q.run('history/list-changes', { map, ...filter, before: filter.before === null ? null : int(filter.before), limit: int(limit) }),
    );
    return rows.map((r) => toRecord(map, r.record as Record<string, unknown>));
  }

  async records(map: string, from: number, to: number): Promise<ChangeRecord[]> {
    const rows = await this.db.read('history.records', (q) => q.run('history/change-records', { map, from: int(from), to: int(to) }));
    return rows.map((r) => toRecord(map, r.record as Record<string, unknown>));
  }

  /** Every element state recorded from version `from` to `to`, in the order they were written, with the kind of write of each. */
  async elementStates(map: string, from: number, to: number): Promise<Array<{ version: number; kind: ChangeKind; states: ElementChange[] }>> {
    const rows = await this.db.read('history.states', (q) => q.run('history/element-states', { map, from: int(from), to: int(to) }), 5 * 60_000);
    return rows.map((r) => ({ version: r.version as number, kind: r.kind as ChangeKind, states: JSON.parse(r.statesJson as string) as ElementChange[] }));
  }

  /** The first `limit` element states one write recorded, in the order it wrote them. */
  async statesOfRecord(map: string, version: number, limit: number): Promise<ElementChange[]> {
    const chunks = Math.max(1, Math.ceil(limit / STATES_PER_CHUNK));
    const rows = await this.db.read('history.recordStates', (q) => q.run('history/record-element-states', { map, version: int(version), chunks: int(chunks) }));
    return rows.flatMap((r) => JSON.parse(r.statesJson as string) as ElementChange[]).slice(0, limit);
  }

  /** Per finding, the newest record up to `upTo` that introduced it (findings no record introduced are absent). */
  async introductions(map: string, upTo: number, findings: readonly FindingNeedle[]): Promise<Map<string, RecordHeader>> {
    if (findings.length === 0) return new Map();
    const rows = await this.db.read('history.introductions', (q) => q.run('history/finding-introductions', { map, upTo: int(upTo), findings: [...findings] }));
    return new Map(rows.map((r) => [r.key as string, toHeader(r.record as Record<string, unknown>)]));
  }

  /** The map's first recorded write; null when it has no history. */
  async firstRecord(map: string): Promise<RecordHeader | null> {
    const [row] = await this.db.read('history.first', (q) => q.run('history/first-record', { map }));
    return row ? toHeader(row.record as Record<string, unknown>) : null;
  }

  async size(map: string): Promise<{ records: number; chunks: number; bytes: number }> {
    const [row] = await this.db.read('history.size', (q) => q.run('history/history-size', { map }));
    return { records: (row?.records as number) ?? 0, chunks: (row?.chunks as number) ?? 0, bytes: (row?.bytes as number) ?? 0 };
  }
}

function toChunks(states: readonly ElementChange[]): HistoryChunkRow[] {
  const chunks: HistoryChunkRow[] = [];
  for (let i = 0; i < states.length; i += STATES_PER_CHUNK) {
    const part = states.slice(i, i + STATES_PER_CHUNK);
    chunks.push({ seq: chunks.length, elementIds: [...new Set(part.map((s) => s.id))], statesJson: JSON.stringify(part) });
  }
  return chunks;
}

function toHeader(r: Record<string, unknown>): RecordHeader {
  return { version: r.version as number, at: r.at as string, kind: r.kind as ChangeKind, actor: { name: r.actorName as string, role: r.actorRole as string } };
}

function toRecord(map: string, r: Record<string, unknown>): ChangeRecord {
  return {
    id: r.id as string,
    map,
    version: r.version as number,
    baseVersion: (r.baseVersion as number | null) ?? 0,
    at: r.at as string,
    kind: r.kind as ChangeKind,
    actor: { name: r.actorName as string, role: r.actorRole as string },
    description: (r.description as string | null) ?? null,
    change: JSON.parse((r.changeJson as string | null) ?? 'null'),
    elements: JSON.parse((r.elementCountsJson as string | null) ?? '{"added":0,"changed":0,"retired":0,"removed":0}') as ElementCounts,
    introduced: JSON.parse((r.introducedJson as string | null) ?? '[]') as RecordedFinding[],
    resolved: JSON.parse((r.resolvedJson as string | null) ?? '[]') as RecordedFinding[],
  };
}
