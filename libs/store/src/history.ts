import { Actor } from '@tadoru/common';
import { ElementCounts } from '@tadoru/map';
import { Finding, Severity, TargetKind } from '@tadoru/rules';

/** What kind of write a history record stands for. */
/** `baseline`: the version a map stood at when history began (maps stored before history was kept). */
export type ChangeKind = 'import' | 'change' | 'delete' | 'refresh' | 'baseline';

/** A finding as history keeps it: enough to list and compare it without the version it was found on. */
export interface RecordedFinding {
  rule: string;
  severity: Severity;
  target: { kind: TargetKind; id: string };
  affectedPeople: number | null;
  path: string[];
  message: string;
  messageJa: string;
}

/** What a write hands the history besides what the writer itself knows (version, time, findings). */
export interface HistoryEntry {
  kind: ChangeKind;
  actor: Actor;
  description: string | null;
  /** The change set applied, as a document (an import's is the change it amounts to). */
  change: unknown;
}

/** One immutable record of one write (shared/spec/changes.md §History). */
export interface ChangeRecord {
  id: string;
  map: string;
  version: number;
  /** The version the write started from (0 for a map's first). */
  baseVersion: number;
  at: string;
  kind: ChangeKind;
  actor: Actor;
  description: string | null;
  change: unknown;
  elements: ElementCounts;
  introduced: RecordedFinding[];
  resolved: RecordedFinding[];
}

export function recordedFinding(f: Finding): RecordedFinding {
  return { rule: f.rule, severity: f.severity, target: { kind: f.target.kind, id: f.target.id }, affectedPeople: f.affectedPeople, path: f.path, message: f.message, messageJa: f.messageJa };
}

const findingKey = (f: { rule: string; target: { kind: string; id: string } }) => `${f.rule}\u0000${f.target.kind}\u0000${f.target.id}`;

/** Findings the result has and the base had not (introduced), and the reverse (resolved). */
export function findingsDelta(before: readonly Finding[], after: readonly Finding[]): { introduced: Finding[]; resolved: Finding[] } {
  const had = new Set(before.map(findingKey));
  const has = new Set(after.map(findingKey));
  return { introduced: after.filter((f) => !had.has(findingKey(f))), resolved: before.filter((f) => !has.has(findingKey(f))) };
}

/** An import's history entry: the change it amounts to is recorded element by element by the writer. */
export function importHistory(sources: string[], actor: Actor): HistoryEntry {
  return { kind: 'import', actor, description: `import of ${sources.join(', ') || 'a map'}`, change: { import: { sources } } };
}
