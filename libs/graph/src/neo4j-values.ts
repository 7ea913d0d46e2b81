import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

/**
 * Converts what the driver returns into plain JSON-able values: integers to numbers (refusing
 * values beyond 2^53), nodes and relationships to their properties, temporals to ISO strings.
 * Repositories call this at their boundary so nothing above them sees driver types.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) throw new RangeError(`integer ${value.toString()} exceeds the safe range`);
    return value.toNumber();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
  return out;
}

/** Integers the database must see as INTEGER, not FLOAT (skip, limit, counts). */
export function int(n: number): unknown {
  return neo4j.int(n);
}
