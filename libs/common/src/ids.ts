import { InvalidInputError } from './errors';

/** Every id in a map, and every map name: 1-128 characters of `[A-Za-z0-9._:-]` (data-map.md). */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
export const ID_MESSAGE = 'must be an id of 1-128 characters from A-Z a-z 0-9 . _ : -';

/**
 * Names starting with `_` are the service's own (scratch maps of `tadoru check`, staged work): a
 * user can neither read nor write a map under such a name.
 */
export const RESERVED_MAP_PREFIX = '_';

/** Why `name` cannot name a user's map, or null when it can. */
export function mapNameProblem(name: string): string | null {
  if (!ID_PATTERN.test(name)) return `"${name}" is not a valid map name: use 1-128 characters from A-Z a-z 0-9 . _ : -`;
  if (name.startsWith(RESERVED_MAP_PREFIX)) return `"${name}" is not a valid map name: names starting with "${RESERVED_MAP_PREFIX}" are reserved for tadoru's own use`;
  return null;
}

/** BAD_USER_INPUT naming `field` unless `name` can name a user's map. */
export function requireMapName(name: string, field = 'map'): string {
  const problem = mapNameProblem(name);
  if (problem) throw new InvalidInputError([{ path: field, message: problem }]);
  return name;
}
