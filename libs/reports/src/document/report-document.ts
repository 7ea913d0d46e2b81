import { Lang } from '@tadoru/common';

/**
 * A report as every format renders it: a header saying what it was built from, then a stream of
 * blocks. Kinds produce blocks with their text already in the report's language and their cell
 * values raw (ISO dates, plain numbers); renderers format the values for the language (see
 * `formatCell`) and write as the blocks arrive, so a report of a large map is never held whole.
 *
 * The JSON format is built from the same blocks: every `facts` and `table` block has a `key`, and the
 * JSON document is `{ report: <header>, <key>: <facts object | array of row objects>, … }`, so each
 * kind's JSON shape is the list of its keyed blocks (documented in the kind's file).
 */
export interface ReportHeader {
  kind: ReportKindName;
  /** The report's title in its language, e.g. 第三者提供・受領記録. */
  title: string;
  lang: Lang;
  map: string;
  /** The map version the report was built from. */
  version: number;
  /** When that version was recorded (ISO timestamp), and by whom. */
  versionRecordedAt: string | null;
  versionActor: string | null;
  /** The date the map was read as of (validity of flows, derivations and consents), when given. */
  asOf: string | null;
  /** What the report is about when a kind takes one (a person entry, a compromised system…). */
  scope: ScopeEntry[];
}

export interface ScopeEntry {
  /** Machine name (JSON): `person`, `system`, `since`. */
  key: string;
  /** In the report's language. */
  label: string;
  value: string;
}

export const REPORT_KINDS = ['ledger', 'findings', 'disclosure', 'breach', 'ropa', 'published-matters', 'overview'] as const;
export type ReportKindName = (typeof REPORT_KINDS)[number];

/** How a value is written: dates per language, counts with separators, flags as yes/no. */
export type CellKind = 'text' | 'number' | 'people' | 'date' | 'datetime' | 'flag' | 'list';

/** A required item the map does not provide: rendered as a visible "missing (required)" mark. */
export interface MissingValue {
  missing: true;
  /** Why it is required, e.g. "APPI Rules 20(1)(ii)". */
  requiredBy?: string;
}

export type CellValue = string | number | boolean | null | string[] | MissingValue;

/** A required item the map does not hold, with the provision that requires it. */
export function missingItem(requiredBy: string): MissingValue {
  return { missing: true, requiredBy };
}

export function isMissing(value: CellValue): value is MissingValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.missing === true;
}

export interface Column {
  key: string;
  label: string;
  kind: CellKind;
}

export type Row = Record<string, CellValue>;

export interface Fact {
  key: string;
  label: string;
  kind: CellKind;
  value: CellValue;
}

export type ReportBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; tone?: 'normal' | 'note' | 'warning' }
  | { type: 'list'; items: string[] }
  /** A key-value list (one record): the header of a finding, a breach's thresholds… */
  | { type: 'facts'; key: string; facts: Fact[] }
  /** A table whose rows may arrive as a stream (a ledger of every provision of a large map). */
  | { type: 'table'; key: string; title?: string; columns: Column[]; rows: Iterable<Row> | AsyncIterable<Row> }
  /** A drawing (an evidence path, the map overview) as self-contained SVG, with a text alternative. */
  | { type: 'diagram'; key: string; title: string; svg: string; width: number; height: number; alt: string }
  /** Forces a new page in PDF and print; ignored elsewhere. */
  | { type: 'page-break' };

export interface ReportDocument {
  header: ReportHeader;
  blocks: AsyncIterable<ReportBlock>;
}

export const REPORT_FORMATS = ['json', 'csv', 'markdown', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export const FILE_EXTENSIONS: Record<ReportFormat, string> = { json: 'json', csv: 'csv', markdown: 'md', html: 'html', pdf: 'pdf' };

/** Where a renderer writes: text or bytes, in order; `end` once the report is complete. */
export interface ReportSink {
  write(chunk: string | Uint8Array): Promise<void> | void;
}
