import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { InvalidInputError, mapNameProblem } from '@tadoru/common';

/** Prefix of scratch map names; `_` is not allowed at the start of a user's map name, so they never collide. */
export const SCRATCH_PREFIX = '_scratch-';

/** The name a map is stored under: the one asked for, else the file's `map` field, else the first file's name. */
export function resolveMapName(fromMap: string | undefined, firstFile: string | undefined, override: string | undefined): string {
  const name = declaredMapName(fromMap, firstFile, override);
  if (!name) throw new InvalidInputError([{ path: 'map', message: 'required: name the map in the file (`map: my-map`) or in the request' }]);
  const problem = mapNameProblem(name);
  if (problem) throw new InvalidInputError([{ path: 'map', message: problem }]);
  return name;
}

/** What the sources call the map, before any check (a check reports under it even when it is not a valid name to store). */
export function declaredMapName(fromMap: string | undefined, firstFile: string | undefined, override?: string): string | undefined {
  const fromFile = firstFile ? basename(firstFile).replace(/\.(ya?ml|json)$/i, '') : undefined;
  return override ?? fromMap ?? fromFile;
}

/** Prefix of the hidden maps that hold past versions rebuilt from the history for reading. */
export const HISTORY_COPY_PREFIX = '_version-';

export function scratchMapName(): string {
  return `${SCRATCH_PREFIX}${randomUUID()}`;
}

/**
 * The key of a new generation of a map: every element and finding of that version carries it as
 * `map`. `~` cannot occur in a map name, so a key is never taken for a name (nor a name for a key).
 */
export function newGenerationKey(name: string): string {
  return `${name}~${randomUUID()}`;
}
