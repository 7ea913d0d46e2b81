import { Problem } from '@tadoru/common';
import { Consent, DataMap, People, SECTIONS, Section } from '../model/data-map';
import { REF_NOUN } from '../validation/map-schema';
import { validateMap } from '../validation/map-validator';
import { ChangeSet, ElementChange, ElementChangeKind, RetireById } from './change-set';
import { ELEMENT_NOUN } from './change-set-validation';
import { canonicalJson, entriesOf } from './element-changes';
import { listReferrers, MapReferences } from './map-references';

export interface AppliedChangeSet {
  /** The map after the change; absent when there is any problem (then nothing may be written). */
  result?: DataMap;
  /** What happened to each element, in the order the change did it; empty when there is a problem. */
  elements: ElementChange[];
  problems: Problem[];
}

type Entry = Record<string, unknown> & { id: string };

/**
 * Applies a validated change set to a map in memory (shared/spec/changes.md): upserts replace an
 * entry where it stands or append a new one, retirements end a validity, removals delete. The result
 * must be a valid map; every problem is reported with its path in the change document.
 */
export function applyChangeSet(base: DataMap, change: ChangeSet): AppliedChangeSet {
  return new ChangeApplication(base).apply(change);
}

class ChangeApplication {
  private readonly result: DataMap;
  private readonly problems: Problem[] = [];
  private readonly records = new Map<string, ElementChange>();
  /** Entries that came from the change, by section and id: their path in the change document. */
  private readonly fromChange = new Map<string, string>();
  private readonly removed: Array<{ section: Section; id: string; path: string }> = [];

  constructor(base: DataMap) {
    this.result = structuredClone(base);
  }

  apply(change: ChangeSet): AppliedChangeSet {
    for (const section of SECTIONS) {
      ((change.upsert[section] ?? []) as unknown as Entry[]).forEach((entry, i) => this.upsert(section, entry, `upsert.${section}[${i}]`));
    }
    for (const section of ['flows', 'derivations'] as const) {
      (change.retire[section] ?? []).forEach((r, i) => this.retireValidity(section, r, `retire.${section}[${i}]`));
    }
    (change.retire.consents ?? []).forEach((r, i) => this.retireConsent(r.person, r.notice, r.on, `retire.consents[${i}]`));
    for (const section of SECTIONS) (change.remove[section] ?? []).forEach((id, i) => this.remove(section, id, `remove.${section}[${i}]`));

    const stillUsed = this.checkRemovals();
    this.checkResult(stillUsed);
    if (this.problems.length > 0) return { elements: [], problems: inDocumentOrder(this.problems) };
    // A retirement to the date an element already had, or a consent withdrawn again on the same day, changes nothing.
    const elements = [...this.records.values()].filter((e) => e.before === null || e.after === null || canonicalJson(e.before) !== canonicalJson(e.after));
    return { result: this.result, elements, problems: [] };
  }

  private list(section: Section): Entry[] {
    const sections = this.result as unknown as Record<string, Entry[] | undefined>;
    return (sections[section] ??= []);
  }

  private record(section: Section, id: string, kind: ElementChangeKind, before: Entry | null, after: Entry | null): void {
    const key = elementKey(section, id);
    const earlier = this.records.get(key);
    // Several consents of one person retired: one element change, from the first before to the last after.
    if (earlier) earlier.after = after;
    else this.records.set(key, { section, id, kind, before, after });
  }

  private upsert(section: Section, entry: Entry, path: string): void {
    this.fromChange.set(elementKey(section, entry.id), path);
    const list = this.list(section);
    const at = list.findIndex((e) => e.id === entry.id);
    const copy = structuredClone(entry);
    if (at < 0) {
      list.push(copy);
      this.record(section, entry.id, 'added', null, copy);
    } else if (canonicalJson(list[at]) !== canonicalJson(entry)) {
      this.record(section, entry.id, 'changed', list[at], copy);
      list[at] = copy;
    }
  }

  private retireValidity(section: 'flows' | 'derivations', { id, on }: RetireById, path: string): void {
    const list = entriesOf(this.result, section) as Entry[];
    const at = list.findIndex((e) => e.id === id);
    const noun = ELEMENT_NOUN[section];
    if (at < 0) {
      this.problems.push({ path: `${path}.id`, message: `unknown ${noun} "${id}": there is nothing to retire` });
      return;
    }
    const before = list[at];
    const validFrom = before.validFrom as string | undefined;
    if (validFrom && on < validFrom) {
      this.problems.push({ path: `${path}.on`, message: `${on} is before ${noun} "${id}" starts (validFrom ${validFrom}): it cannot end before it began` });
      return;
    }
    // Ending earlier than a planned end is a retirement; ending later would rewrite history.
    const validTo = before.validTo as string | undefined;
    if (validTo && on > validTo) {
      this.problems.push({ path: `${path}.on`, message: `${noun} "${id}" already ended on ${validTo}; to change when it ended, upsert the ${noun}` });
      return;
    }
    list[at] = { ...before, validTo: on };
    this.record(section, id, 'retired', before, list[at]);
  }

  private retireConsent(person: string, notice: string, on: string, path: string): void {
    const list = entriesOf(this.result, 'people') as Array<Entry & People>;
    const at = list.findIndex((e) => e.id === person);
    if (at < 0) {
      this.problems.push({ path: `${path}.person`, message: `unknown people entry "${person}"` });
      return;
    }
    const before = list[at];
    const consents = before.consents ?? [];
    const matching = consents.filter((c) => c.notice === notice);
    if (matching.length === 0) {
      this.problems.push({ path: `${path}.notice`, message: `people entry "${person}" has no consent to notice "${notice}" to withdraw` });
      return;
    }
    const open = matching.filter((c) => c.withdrawnAt === undefined || c.withdrawnAt === null);
    if (open.length === 0) {
      // Withdrawn again on the same day changes nothing; another day would rewrite history.
      const withdrawn = matching.map((c) => c.withdrawnAt as string);
      if (!withdrawn.includes(on)) {
        this.problems.push({ path: `${path}.on`, message: `people entry "${person}" already withdrew its consent to notice "${notice}" on ${withdrawn.join(', ')}; to change that date, upsert the people entry` });
      }
      return;
    }
    const targets = new Set<Consent>(open);
    const early = open.find((c) => on < c.at);
    if (early) {
      this.problems.push({ path: `${path}.on`, message: `${on} is before people entry "${person}" consented to notice "${notice}" (at ${early.at}): a consent cannot be withdrawn before it was given` });
      return;
    }
    list[at] = { ...before, consents: consents.map((c) => (targets.has(c) ? { ...c, withdrawnAt: on } : c)) };
    this.record('people', person, 'retired', before, list[at]);
  }

  private remove(section: Section, id: string, path: string): void {
    const list = entriesOf(this.result, section) as Entry[];
    const at = list.findIndex((e) => e.id === id);
    if (at < 0) {
      this.problems.push({ path, message: `unknown ${ELEMENT_NOUN[section]} "${id}": there is nothing to remove` });
      return;
    }
    this.record(section, id, 'removed', list[at], null);
    list.splice(at, 1);
    this.removed.push({ section, id, path });
  }

  /** Removed elements still referenced in the result, named with their referrers; returns the `unknown …` messages they explain. */
  private checkRemovals(): Set<string> {
    if (this.removed.length === 0) return new Set();
    const references = new MapReferences(this.result);
    const explained = new Set<string>();
    for (const { section, id, path } of this.removed) {
      const referrers = references.of(section, id);
      if (referrers.length === 0) continue;
      this.problems.push({ path, message: `${ELEMENT_NOUN[section]} "${id}" is still used by ${listReferrers(referrers)}: change or remove those too` });
      explained.add(`unknown ${REF_NOUN[section]} "${id}"`);
      if (section === 'organizations' || section === 'groups') explained.add(`unknown ${REF_NOUN.organizationOrGroup} "${id}"`);
    }
    return explained;
  }

  /** Every problem of the resulting map, at its place in the change or, in an untouched stored entry, by that entry's id. */
  private checkResult(explained: Set<string>): void {
    const { problems } = validateMap([{ value: this.result }]);
    for (const problem of problems) {
      if (explained.has(problem.message)) continue;
      this.problems.push({ path: this.changePath(problem.path), message: this.locate(problem.path, problem.message) });
    }
  }

  /** `flows[3].to` of the result as the user finds it: `upsert.flows[0].to`, or `flows["old-feed"].to` for a stored entry. */
  private changePath(path: string): string {
    const place = this.placeOf(path);
    if (!place) return path;
    const fromChange = this.fromChange.get(elementKey(place.section, place.id));
    return fromChange ? `${fromChange}${place.rest}` : `${place.section}["${place.id}"]${place.rest}`;
  }

  private locate(path: string, message: string): string {
    const rewritten = message.replace(/already defined at (\S+)/, (_, at: string) => `already defined at ${this.changePath(at)}`);
    const place = this.placeOf(path);
    if (!place) return rewritten;
    const key = elementKey(place.section, place.id);
    if (this.fromChange.has(key)) return rewritten;
    const untouched = this.records.has(key) ? '' : ', which the change leaves as it is';
    return `${rewritten} (in the stored ${ELEMENT_NOUN[place.section]} "${place.id}"${untouched})`;
  }

  private placeOf(path: string): { section: Section; id: string; rest: string } | undefined {
    const m = /^([A-Za-z]+)\[(\d+)\](.*)$/.exec(path);
    if (!m || !(SECTIONS as readonly string[]).includes(m[1])) return undefined;
    const section = m[1] as Section;
    const entry = entriesOf(this.result, section)[Number(m[2])];
    return entry && typeof entry.id === 'string' ? { section, id: entry.id, rest: m[3] } : undefined;
  }
}

const PART_ORDER = ['upsert', 'retire', 'remove'];

/** Problems in the order of the change document's parts (stable within one), those of stored entries last. */
function inDocumentOrder(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => {
    const part = PART_ORDER.indexOf(p.path.slice(0, p.path.indexOf('.')));
    return part < 0 ? PART_ORDER.length : part;
  };
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map(({ p }) => p);
}

function elementKey(section: Section, id: string): string {
  return `${section}\u0000${id}`;
}
