import { existsSync, readFileSync, statSync } from 'node:fs';
import { InvalidInputError, Problem } from '@tadoru/common';
import { MapSource } from '@tadoru/map';

/** Reads map files; a missing or unreadable file is reported like any other input problem. */
export function readSources(files: string[]): MapSource[] {
  const problems: Problem[] = [];
  const sources: MapSource[] = [];
  for (const file of files) {
    if (!existsSync(file)) problems.push({ file, path: '(file)', message: 'no such file' });
    else if (statSync(file).isDirectory()) problems.push({ file, path: '(file)', message: 'is a directory, not a map file' });
    else {
      try {
        sources.push({ name: file, text: readFileSync(file, 'utf8') });
      } catch (error) {
        problems.push({ file, path: '(file)', message: `cannot be read: ${(error as Error).message}` });
      }
    }
  }
  if (files.length === 0) problems.push({ path: '(input)', message: 'name at least one map file' });
  if (problems.length > 0) throw new InvalidInputError(problems);
  return sources;
}

/** JSON maps at least this large are streamed in batches (`import --bulk`) even when not asked. */
export const BULK_FROM_BYTES = 16 * 1024 * 1024;

/** Streams only JSON: it can be read entry by entry (YAML maps up to the size limit import whole). */
export function checkBulkFiles(files: string[]): void {
  const problems: Problem[] = [];
  for (const file of files) {
    if (!existsSync(file)) problems.push({ file, path: '(file)', message: 'no such file' });
    else if (statSync(file).isDirectory()) problems.push({ file, path: '(file)', message: 'is a directory, not a map file' });
    else if (!/\.json$/i.test(file)) problems.push({ file, path: '(file)', message: 'bulk import streams JSON map files (.json); import YAML maps without --bulk' });
  }
  if (files.length === 0) problems.push({ path: '(input)', message: 'name at least one map file' });
  if (problems.length > 0) throw new InvalidInputError(problems);
}

/** True when the files are all JSON and together large enough to be worth streaming. */
export function isLargeJson(files: string[], fromBytes: number): boolean {
  if (files.length === 0 || !files.every((f) => /\.json$/i.test(f) && existsSync(f) && statSync(f).isFile())) return false;
  return files.reduce((sum, f) => sum + statSync(f).size, 0) >= fromBytes;
}
