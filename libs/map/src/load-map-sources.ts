import { Problem } from '@tadoru/common';
import { DataMap, SECTIONS } from './model/data-map';
import { MapFormat, parseMapText } from './parsing/map-parser';
import { validateMap } from './validation/map-validator';

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
