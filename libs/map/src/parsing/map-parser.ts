import * as yaml from 'js-yaml';
import { Problem } from '@tadoru/common';
import { MapDocument } from '../validation/map-validator';

export type MapFormat = 'yaml' | 'json';

export interface ParsedSource {
  document?: MapDocument;
  problems: Problem[];
}

/** Maps larger than this are refused before parsing; bulk loading of generated maps has its own path. */
export const MAX_MAP_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * Values a parsed document may expand to. YAML aliases share one object among many places, so a
 * few kilobytes can stand for billions of values; such a document is refused before anything walks it.
 */
export const MAX_MAP_VALUES = 10_000_000;

/** Counts the values of a parsed document, aliases expanded, stopping as soon as `limit` is passed. */
export function exceedsValueCount(root: unknown, limit = MAX_MAP_VALUES): boolean {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return true;
    // push one by one: spreading a list of a few hundred thousand entries overflows the call stack
    const children = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.values(value) : [];
    for (const child of children) stack.push(child);
  }
  return false;
}

export function formatOf(fileName: string | undefined, text: string): MapFormat {
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/**
 * Parses a map's text. YAML is read with the core schema, so `2019-03-01` stays the string the
 * format expects instead of becoming a timestamp, and duplicate keys are errors.
 */
export function parseMapText(text: string, file?: string, format: MapFormat = formatOf(file, text)): ParsedSource {
  const where = (path: string): Problem => (file ? { file, path, message: '' } : { path, message: '' });
  if (Buffer.byteLength(text, 'utf8') > MAX_MAP_TEXT_BYTES) {
    return { problems: [{ ...where('(file)'), message: `is larger than ${MAX_MAP_TEXT_BYTES / 1024 / 1024} MiB` }] };
  }
  try {
    const value = format === 'json' ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
    if (value === undefined || value === null) {
      return { problems: [{ ...where('(root)'), message: 'the document is empty' }] };
    }
    if (exceedsValueCount(value)) {
      return { problems: [{ ...where('(root)'), message: `expands to more than ${MAX_MAP_VALUES.toLocaleString('en')} values (through YAML aliases?); refused` }] };
    }
    return { document: { file, value }, problems: [] };
  } catch (error) {
    return { problems: [{ ...where('(file)'), message: describeSyntaxError(error, format) }] };
  }
}

function describeSyntaxError(error: unknown, format: MapFormat): string {
  if (error instanceof yaml.YAMLException) {
    const mark = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
    return `not valid YAML${mark}: ${error.reason}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `not valid ${format.toUpperCase()}: ${message}`;
}
