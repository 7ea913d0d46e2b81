import { basename } from 'node:path';
import { ID_PATTERN, InvalidInputError } from '@tadoru/common';

/** Prefix of scratch map names; `_` is not allowed at the start of a user's map name, so they never collide. */
export const SCRATCH_PREFIX = '_scratch-';

/** The name a map is stored under: the one asked for, else the file's `map` field, else the first file's name. */
export function resolveMapName(fromMap: string | undefined, firstFile: string | undefined, override: string | undefined): string {
  const fromFile = firstFile ? basename(firstFile).replace(/\.(ya?ml|json)$/i, '') : undefined;
  const name = override ?? fromMap ?? fromFile;
  if (!name) throw new InvalidInputError([{ path: 'map', message: 'required: name the map in the file (`map: my-map`) or in the request' }]);
  if (!ID_PATTERN.test(name)) throw new InvalidInputError([{ path: 'map', message: `"${name}" is not a valid map name: use 1-128 characters from A-Z a-z 0-9 . _ : -` }]);
  return name;
}
