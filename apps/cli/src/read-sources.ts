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
