// Placeholders for the diff functions being written on branch changes-core; replaced at its merge.
import type { ElementCounts, MapRecipient } from '@tadoru/map';
import type { Finding } from '@tadoru/rules';
import type { MapDiff } from './map-diff';

export function buildMapDiff(input: {
  map: string;
  baseVersion: number | null;
  version: number | null;
  before: Finding[];
  after: Finding[];
  recipientsBefore: MapRecipient[];
  recipientsAfter: MapRecipient[];
  elements: ElementCounts;
}): MapDiff {
  void input;
  throw new Error('not merged yet');
}

export function renderMapDiff(diff: MapDiff, format: 'json' | 'table' | 'markdown'): string {
  void diff;
  void format;
  throw new Error('not merged yet');
}
