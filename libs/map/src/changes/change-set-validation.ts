import { ID_PATTERN, isIsoDate, Problem } from '@tadoru/common';
import { isPlainObject, MapValidator, unknownKeyMessage } from '../validation/map-validator';
import { MapFormat, parseMapText } from '../parsing/map-parser';
import { SECTIONS, Section } from '../model/data-map';
import { CHANGE_FORMAT_VERSION, ChangeSet, RETIRABLE, RetireById, RetireConsent } from './change-set';

export interface ChangeSetResult {
  change?: ChangeSet;
  problems: Problem[];
}

/** Longer descriptions are refused: the description is kept in every history record. */
export const MAX_DESCRIPTION_LENGTH = 4000;

const TOP_LEVEL_KEYS = ['tadoru', 'description', 'upsert', 'retire', 'remove'];

/** Singular nouns for messages about a section's elements. */
export const ELEMENT_NOUN: Record<Section | 'consents', string> = {
  groups: 'group',
  organizations: 'organization',
  subjects: 'subject',
  dataCategories: 'data category',
  purposes: 'purpose',
  notices: 'notice',
  systems: 'system',
  flows: 'flow',
  derivations: 'derivation',
  people: 'people entry',
  consents: 'consent',
};

/** Parses a change set document (YAML or JSON) and validates it (shared/spec/changes.md). */
export function parseChangeSet(text: string, format?: MapFormat): ChangeSetResult {
  const parsed = parseMapText(text, undefined, format);
  if (!parsed.document) return { problems: parsed.problems };
  return validateChangeSet(parsed.document.value);
}

/**
 * Validates an already-parsed change set: the document, or the GraphQL typed input turned into a
 * plain object, so that both report the same problems with the same paths. Element entries get the
 * map format's shape rules; whether their references resolve depends on the map the change is
 * applied to, so that is checked by `applyChangeSet`.
 */
export function validateChangeSet(doc: unknown): ChangeSetResult {
  return new ChangeSetValidator().run(doc);
}

/** Where an element is named in the change, for the "only one of upsert, retire and remove" rule. */
interface Mention {
  path: string;
  part: 'upsert' | 'retire' | 'remove';
}

class ChangeSetValidator {
  private readonly problems: Problem[] = [];
  /** Per element (`section\0id`; a retired consent counts as its person's entry): where the change names it. */
  private readonly mentions = new Map<string, Mention[]>();
  /** Per part, section and id (or retired consent): the first path, to report duplicates. */
  private readonly seen = new Map<string, string>();
  private entries = 0;

  run(doc: unknown): ChangeSetResult {
    if (!isPlainObject(doc)) {
      return { problems: [{ path: '(root)', message: 'a change set must be a mapping (an object) with `tadoru: 1` and upsert, retire or remove' }] };
    }
    for (const key of Object.keys(doc)) {
      if (!TOP_LEVEL_KEYS.includes(key)) this.report(key, unknownKeyMessage(key, TOP_LEVEL_KEYS));
    }
    if (!('tadoru' in doc) || doc.tadoru === undefined || doc.tadoru === null) this.report('tadoru', 'required: the format version, `tadoru: 1`');
    else if (doc.tadoru !== CHANGE_FORMAT_VERSION) this.report('tadoru', `unsupported format version ${JSON.stringify(doc.tadoru)}; this tadoru reads version ${CHANGE_FORMAT_VERSION}`);
    const description = this.description(doc.description);
    const upsert = this.upsert(doc.upsert);
    const retire = this.retire(doc.retire);
    const remove = this.remove(doc.remove);
    if (this.entries === 0) {
      this.report('(root)', 'the change set changes nothing: give at least one entry under upsert, retire or remove');
    }
    if (this.problems.length > 0) return { problems: this.problems };
    const change: ChangeSet = { tadoru: CHANGE_FORMAT_VERSION, upsert, retire, remove };
    if (description !== undefined) change.description = description;
    return { change, problems: [] };
  }

  private report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  private description(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.report('description', 'must be a string');
    else if (value.length > MAX_DESCRIPTION_LENGTH) this.report('description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
    else return value;
    return undefined;
  }

  /** A part (`upsert`, `retire`, `remove`): absent or a mapping of the allowed section names to lists. */
  private sectionsOf(part: string, value: unknown, allowed: readonly string[]): Array<[string, unknown[]]> {
    if (value === undefined || value === null) return [];
    if (!isPlainObject(value)) {
      this.report(part, `must be a mapping of sections (${allowed.join(', ')}) to lists`);
      return [];
    }
    const lists: Array<[string, unknown[]]> = [];
    for (const [key, entries] of Object.entries(value)) {
      if (!allowed.includes(key)) this.report(`${part}.${key}`, unknownKeyMessage(key, [...allowed]));
      else if (Array.isArray(entries)) {
        this.entries += entries.length;
        lists.push([key, entries]);
      } else if (entries !== undefined && entries !== null) this.report(`${part}.${key}`, 'must be a list');
    }
    // Sections are handled in the map's order whatever order the document wrote them in.
    return lists.sort(([a], [b]) => allowed.indexOf(a) - allowed.indexOf(b));
  }

  private upsert(value: unknown): ChangeSet['upsert'] {
    const upsert: ChangeSet['upsert'] = {};
    // One validator for every entry, so that an id given twice (also a collection id) is reported.
    const shapes = new MapValidator(false, 'shapes');
    for (const [key, entries] of this.sectionsOf('upsert', value, SECTIONS)) {
      const section = key as Section;
      entries.forEach((entry, index) => {
        shapes.element(undefined, section, index, entry);
        if (isPlainObject(entry) && typeof entry.id === 'string') this.mention(section, entry.id, { path: `upsert.${section}[${index}]`, part: 'upsert' });
      });
      (upsert as Record<string, unknown[]>)[section] = entries.filter(isPlainObject).map(withoutUndefined);
    }
    for (const p of shapes.allProblems()) {
      // `(input)` is the validator's line counting problems not listed: it has no place in the document
      const path = p.path.startsWith('(') ? p.path : `upsert.${p.path}`;
      this.report(path, p.message.replace(/already defined at (\S+)/, 'already defined at upsert.$1'));
    }
    return upsert;
  }

  private retire(value: unknown): ChangeSet['retire'] {
    const retire: ChangeSet['retire'] = {};
    for (const [key, entries] of this.sectionsOf('retire', value, RETIRABLE)) {
      if (key === 'consents') retire.consents = this.list(`retire.${key}`, entries, (entry, path) => this.retireConsent(entry, path));
      else {
        const section = key as 'flows' | 'derivations';
        retire[section] = this.list(`retire.${key}`, entries, (entry, path) => this.retireById(section, entry, path));
      }
    }
    return retire;
  }

  private remove(value: unknown): ChangeSet['remove'] {
    const remove: ChangeSet['remove'] = {};
    for (const [key, entries] of this.sectionsOf('remove', value, SECTIONS)) {
      const section = key as Section;
      remove[section] = this.list(`remove.${section}`, entries, (entry, path) => {
        if (!this.isId(path, entry)) return undefined;
        this.mention(section, entry as string, { path, part: 'remove' });
        return entry as string;
      });
    }
    return remove;
  }

  private list<T>(path: string, entries: unknown[], each: (entry: unknown, path: string) => T | undefined): T[] {
    const out: T[] = [];
    entries.forEach((entry, index) => {
      const item = each(entry, `${path}[${index}]`);
      if (item !== undefined) out.push(item);
    });
    return out;
  }

  private retireById(section: 'flows' | 'derivations', entry: unknown, path: string): RetireById | undefined {
    if (!this.isEntry(path, entry, ['id', 'on'])) return undefined;
    const idOk = this.isId(`${path}.id`, entry.id);
    const onOk = this.isDate(`${path}.on`, entry.on);
    if (!idOk || !onOk) return undefined;
    this.mention(section, entry.id as string, { path: `${path}.id`, part: 'retire' });
    return { id: entry.id as string, on: entry.on as string };
  }

  private retireConsent(entry: unknown, path: string): RetireConsent | undefined {
    if (!this.isEntry(path, entry, ['person', 'notice', 'on'])) return undefined;
    const personOk = this.isId(`${path}.person`, entry.person);
    const noticeOk = this.isId(`${path}.notice`, entry.notice);
    const onOk = this.isDate(`${path}.on`, entry.on);
    if (!personOk || !noticeOk || !onOk) return undefined;
    const person = entry.person as string;
    const notice = entry.notice as string;
    // Retiring a consent changes its person's entry, so the person cannot also be upserted or removed.
    this.mention('people', person, { path: `${path}.person`, part: 'retire' }, { key: `consents\u0000${person}\u0000${notice}`, what: `the consent of "${person}" to notice "${notice}"` });
    return { person, notice, on: entry.on as string };
  }

  private isEntry(path: string, entry: unknown, keys: string[]): entry is Record<string, unknown> {
    if (!isPlainObject(entry)) {
      this.report(path, `must be a mapping (an object) with ${keys.join(', ')}`);
      return false;
    }
    for (const key of Object.keys(entry)) if (!keys.includes(key)) this.report(`${path}.${key}`, unknownKeyMessage(key, keys));
    return true;
  }

  private isId(path: string, value: unknown): boolean {
    if (value === undefined || value === null) this.report(path, 'required');
    else if (typeof value !== 'string') this.report(path, 'must be an id string');
    else if (!ID_PATTERN.test(value)) this.report(path, `"${value}" is not a valid id: use 1-128 characters from A-Z a-z 0-9 . _ : -`);
    else return true;
    return false;
  }

  private isDate(path: string, value: unknown): boolean {
    if (value === undefined || value === null) this.report(path, 'required: the date YYYY-MM-DD');
    else if (typeof value !== 'string' || !isIsoDate(value)) this.report(path, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
    else return true;
    return false;
  }

  /**
   * Records where an element is named. Named twice in one part it is a duplicate; named in two parts
   * it is a conflict, since the change would not say what to do with it. A retired consent is told
   * apart by `duplicateKey` (several consents of one person may be retired at once).
   */
  private mention(section: Section, id: string, at: Mention, duplicate = { key: `${section}\u0000${id}\u0000${at.part}`, what: `${ELEMENT_NOUN[section]} "${id}"` }): void {
    const duplicateOf = this.seen.get(duplicate.key);
    if (duplicateOf !== undefined) {
      // upsert duplicates are reported by the shape validator ("duplicate id")
      if (at.part !== 'upsert') this.report(at.path, `${duplicate.what} is listed twice: already at ${duplicateOf}`);
      return;
    }
    this.seen.set(duplicate.key, at.path);
    const elementKey = `${section}\u0000${id}`;
    const named = this.mentions.get(elementKey) ?? [];
    const elsewhere = named.find((m) => m.part !== at.part);
    if (elsewhere) {
      this.report(at.path, `${ELEMENT_NOUN[section]} "${id}" is also in ${elsewhere.path}: an element may appear in only one of upsert, retire and remove`);
      return;
    }
    named.push(at);
    this.mentions.set(elementKey, named);
  }
}

function withoutUndefined(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
