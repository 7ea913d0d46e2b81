import type { Severity } from '@tadoru/rules';
import type { ElementCounts, MapRecipient } from '@tadoru/map';

/** A finding as a diff lists it (changes.md §Diff); identified by rule, target kind and target id. */
export interface DiffFinding {
  rule: string;
  severity: Severity;
  target: { kind: string; id: string };
  affectedPeople: number | null;
  path: string[];
  message: string;
  messageJa: string;
}

/** A finding present before and after whose message or affected people differ. */
export interface ChangedFinding {
  rule: string;
  severity: Severity;
  target: { kind: string; id: string };
  before: { affectedPeople: number | null; message: string; messageJa: string };
  after: { affectedPeople: number | null; message: string; messageJa: string };
}

/** An (organization, system, category) reached by a cross-organization flow, as in the recipients question. */
export type DiffRecipient = MapRecipient;

export type SeverityCounts = Record<Severity, number>;

export interface MapDiff {
  map: string;
  /** The stored version the change was checked or applied against; null offline. */
  baseVersion: number | null;
  /** The version an apply made; null for a proposal or an offline diff. */
  version: number | null;
  introduced: DiffFinding[];
  resolved: DiffFinding[];
  changed: ChangedFinding[];
  recipients: { added: DiffRecipient[]; removed: DiffRecipient[] };
  elements: ElementCounts;
  summary: { introduced: SeverityCounts; resolved: SeverityCounts };
}
