import type { DataMap, IsoDate, Section } from '../model/data-map';

/** Change set format version (shared/spec/changes.md). */
export const CHANGE_FORMAT_VERSION = 1;

/** Sections whose elements can be retired (their validity ended) rather than removed. */
export const RETIRABLE = ['flows', 'derivations', 'consents'] as const;
export type RetireSection = (typeof RETIRABLE)[number];

export interface RetireById {
  id: string;
  on: IsoDate;
}

export interface RetireConsent {
  person: string;
  notice: string;
  on: IsoDate;
}

/** A change set against a stored map, after parsing and shape validation (changes.md §Change set document). */
export interface ChangeSet {
  tadoru: typeof CHANGE_FORMAT_VERSION;
  description?: string;
  /** Elements added, or replaced whole when the id exists. Entries have the map format's shape. */
  upsert: { [S in Section]?: NonNullable<DataMap[S]> };
  retire: { flows?: RetireById[]; derivations?: RetireById[]; consents?: RetireConsent[] };
  remove: { [S in Section]?: string[] };
}

/** What happened to one element of the map (a top-level section entry; collections and consents are part of theirs). */
export type ElementChangeKind = 'added' | 'changed' | 'retired' | 'removed';

export interface ElementChange {
  section: Section;
  id: string;
  kind: ElementChangeKind;
  /** The entry before the change (null when added) and after it (null when removed), in the map format. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ElementCounts {
  added: number;
  changed: number;
  retired: number;
  removed: number;
}
