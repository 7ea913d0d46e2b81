import { Lang, Localized } from '@tadoru/common';
import { StoredMapInfo } from '@tadoru/catalog';
import { ReportBlock, ReportKindName, ScopeEntry } from './report-document';

/** What a report is asked for, checked before any kind sees it (the map already pinned to its version). */
export interface ReportInput {
  /** The map version to read: the current one, or a past version rebuilt from history. */
  map: StoredMapInfo;
  /** The version's number as the user knows it (a past version's hidden copy has its own). */
  version: number;
  lang: Lang;
  /** Read flows, derivations and consents as in force on this date (null: every one). */
  asOf: string | null;
  /** `disclosure`: the people entry the report is about. */
  person: string | null;
  /** `breach`: the compromised system, and the date the compromise began. */
  system: string | null;
  since: string | null;
}

export type ReportOption = 'person' | 'system' | 'since';

/** Reports long work so the CLI can draw a progress bar: `done` of `total` steps (total may grow). */
export type ReportProgress = (done: number, total: number) => void;

/**
 * One kind of report (libs/reports/src/<kind>/): a Nest provider that reads what it needs through
 * other libs' services and yields its blocks in order, text in `input.lang`. A kind never renders:
 * every format is drawn from the same blocks.
 */
export interface ReportBuilder {
  readonly kind: ReportKindName;
  readonly title: Localized;
  /** Options the kind cannot do without; a request lacking one is refused naming it. */
  readonly requires: readonly ReportOption[];
  /** Header lines saying what the report is about (the person, the system and date). */
  scope(input: ReportInput): ScopeEntry[];
  build(input: ReportInput, progress: ReportProgress): AsyncIterable<ReportBlock>;
}

/** Nest token under which every kind is registered (multi-provider list). */
export const REPORT_BUILDERS = Symbol('REPORT_BUILDERS');
