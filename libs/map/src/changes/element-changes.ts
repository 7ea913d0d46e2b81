import { DataMap, Section, SECTIONS } from '../model/data-map';
import { ElementChange } from './change-set';

type Entry = Record<string, unknown> & { id: string };

const entriesOf = (map: DataMap | null, section: Section): Entry[] => ((map?.[section] ?? []) as unknown as Entry[]);

/** An entry as canonical JSON (keys sorted at every level), so that equal entries compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * What a whole-map write amounts to, element by element: entries of `result` that `base` lacks
 * (added), entries of both that differ (changed), entries only in `base` (removed). An element is
 * a top-level entry of a section; a system's collections and a person's consents are part of it.
 */
export function elementChangesBetween(base: DataMap | null, result: DataMap | null): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const section of SECTIONS) {
    const before = new Map(entriesOf(base, section).map((e) => [e.id, e]));
    const after = entriesOf(result, section);
    for (const entry of after) {
      const old = before.get(entry.id);
      if (!old) changes.push({ section, id: entry.id, kind: 'added', before: null, after: entry });
      else if (canonicalJson(old) !== canonicalJson(entry)) changes.push({ section, id: entry.id, kind: 'changed', before: old, after: entry });
      before.delete(entry.id);
    }
    for (const [id, old] of before) changes.push({ section, id, kind: 'removed', before: old, after: null });
  }
  return changes;
}

/**
 * Applies recorded element states to a map: an entry's `after` replaces the one with its id where it
 * stands (or is appended), and a null `after` removes it. Replaying every record of a map's history
 * in order rebuilds any version of it.
 */
export function replayElementChanges(map: DataMap, changes: readonly Pick<ElementChange, 'section' | 'id' | 'after'>[]): DataMap {
  const sections = new Map<Section, Map<string, Record<string, unknown>>>(
    SECTIONS.map((s) => [s, new Map<string, Record<string, unknown>>(entriesOf(map, s).map((e) => [e.id, e]))]),
  );
  for (const change of changes) {
    const entries = sections.get(change.section);
    if (!entries) continue;
    if (change.after === null) entries.delete(change.id);
    else entries.set(change.id, change.after);
  }
  const result: DataMap = { tadoru: map.tadoru, ...(map.map ? { map: map.map } : {}) };
  for (const [section, entries] of sections) if (entries.size > 0) (result as unknown as Record<string, unknown[]>)[section] = [...entries.values()];
  return result;
}
