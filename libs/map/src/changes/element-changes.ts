import { DataMap, SECTIONS, Section } from '../model/data-map';
import { CHANGE_FORMAT_VERSION, ChangeSet, ElementChange, ElementCounts } from './change-set';

type Entry = Record<string, unknown> & { id: string };

/**
 * JSON with every object's keys sorted and undefined values left out: two entries are the same
 * element state exactly when their canonical JSON is equal, whatever order their keys were written in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) sorted[key] = sortKeys(v);
  }
  return sorted;
}

export function entriesOf(map: DataMap, section: Section): Entry[] {
  return (map[section] ?? []) as unknown as Entry[];
}

/**
 * What replacing `base` by `result` amounts to (a whole-map import), per section and id: entries
 * only in the result are added, entries only in the base removed, entries whose canonical JSON
 * differs changed. Listed section by section: changes and removals in the base's order, then
 * additions in the result's. An import cannot tell a retirement from any other change: none is `retired`.
 */
export function elementChangesBetween(base: DataMap, result: DataMap): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const section of SECTIONS) {
    const after = new Map(entriesOf(result, section).map((e) => [e.id, e]));
    const before = new Set<string>();
    for (const entry of entriesOf(base, section)) {
      before.add(entry.id);
      const now = after.get(entry.id);
      if (!now) changes.push({ section, id: entry.id, kind: 'removed', before: entry, after: null });
      else if (canonicalJson(now) !== canonicalJson(entry)) changes.push({ section, id: entry.id, kind: 'changed', before: entry, after: now });
    }
    for (const entry of entriesOf(result, section)) {
      if (!before.has(entry.id)) changes.push({ section, id: entry.id, kind: 'added', before: null, after: entry });
    }
  }
  return changes;
}

/** The change set that element changes amount to: every after-state upserted, every removal removed. */
export function changeSetOf(elements: ElementChange[], description?: string): ChangeSet {
  const change: ChangeSet = { tadoru: CHANGE_FORMAT_VERSION, upsert: {}, retire: {}, remove: {} };
  if (description !== undefined) change.description = description;
  for (const e of elements) {
    if (e.after === null) (change.remove[e.section] ??= []).push(e.id);
    else ((change.upsert as Record<string, unknown[]>)[e.section] ??= []).push(e.after);
  }
  return change;
}

/**
 * `map` with recorded element changes applied: each after-state replaces the entry of its id where
 * it stands or is appended, an after-state of null removes it. Replaying what `applyChangeSet`
 * recorded on its base gives its result exactly, which is how past versions are rebuilt from history.
 */
export function replayElementChanges(map: DataMap, elements: ElementChange[]): DataMap {
  const replayed = structuredClone(map);
  const sections = replayed as unknown as Record<string, Entry[] | undefined>;
  for (const e of elements) {
    const entries = sections[e.section] ?? [];
    const at = entries.findIndex((x) => x.id === e.id);
    if (e.after === null) {
      if (at >= 0) entries.splice(at, 1);
    } else if (at >= 0) entries[at] = structuredClone(e.after) as Entry;
    else entries.push(structuredClone(e.after) as Entry);
    if (entries.length > 0 || sections[e.section] !== undefined) sections[e.section] = entries;
  }
  return replayed;
}

export function countElements(elements: ElementChange[]): ElementCounts {
  const counts: ElementCounts = { added: 0, changed: 0, retired: 0, removed: 0 };
  for (const e of elements) counts[e.kind]++;
  return counts;
}
