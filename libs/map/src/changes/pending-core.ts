// Placeholders for the pure change-set functions being written on branch changes-core; replaced at its merge.
import { DataMap } from '../model/data-map';
import { ChangeSet, ElementChange } from './change-set';
import type { Problem } from '@tadoru/common';

/** An (organization, system, category) reached by a cross-organization flow, as in the recipients question. */
export interface MapRecipient {
  organization: string;
  system: string;
  category: string;
  flow: string;
  purposes: string[];
  derived: boolean;
}

export function applyChangeSet(base: DataMap, change: ChangeSet): { result?: DataMap; elements: ElementChange[]; problems: Problem[] } {
  void base;
  void change;
  throw new Error('not merged yet');
}

export function recipientsOfMap(map: DataMap): MapRecipient[] {
  void map;
  throw new Error('not merged yet');
}

export function validateChangeSet(doc: unknown): { change?: ChangeSet; problems: Problem[] } {
  void doc;
  throw new Error('not merged yet');
}

export function parseChangeSet(text: string, format?: 'yaml' | 'json'): { change?: ChangeSet; problems: Problem[] } {
  void text;
  void format;
  throw new Error('not merged yet');
}
