import { ID_PATTERN, isIsoDate, Problem } from '@tadoru/common';
import { DataMap, FORMAT_VERSION, SECTIONS, Section } from '../model/data-map';
import { ISO_COUNTRIES } from './iso-countries';
import { EntrySpec, FieldSpec, REF_NOUN, RefTarget, SECTION_SPECS } from './map-schema';


/** One parsed document: the value as read, and where it came from (for messages). */
export interface MapDocument {
  file?: string;
  value: unknown;
}

export interface ValidationResult {
  map?: DataMap;
  problems: Problem[];
}

/**
 * `whole` validates documents in memory. A streamed map is validated in two passes over its files so
 * that no pass holds more than the ids: `shapes` checks every entry and learns the ids, then
 * `references` checks only that every reference names a known id.
 */
export type ValidationPass = 'whole' | 'shapes' | 'references';

/** Problems kept in full; past it they are only counted, so a broken huge file cannot exhaust memory. */
export const MAX_LISTED_PROBLEMS = 1000;

interface PendingRef {
  problemPath: Problem;
  to: RefTarget;
  id: string;
}

/**
 * Validates one or more documents that together form one map, and returns the merged map only
 * when there is no problem at all. Every problem is reported, each with its path; nothing stops
 * at the first.
 */
export function validateMap(documents: MapDocument[]): ValidationResult {
  return new MapValidator(documents.length > 1).run(documents);
}

export class MapValidator {
  private readonly problems: Problem[] = [];
  private unlistedProblems = 0;
  private readonly refs: PendingRef[] = [];
  private readonly merged: Record<string, unknown[]> = {};
  private mapName: string | undefined;

  /** `ids` of a `references` pass are those its `shapes` pass learnt. */
  constructor(
    private readonly multiFile: boolean,
    private readonly pass: ValidationPass = 'whole',
    readonly ids = new Map<RefTarget, Map<string, string>>(),
  ) {}

  run(documents: MapDocument[]): ValidationResult {
    if (documents.length === 0) {
      return { problems: [{ path: '(input)', message: 'no map given' }] };
    }
    for (const doc of documents) this.document(doc);
    this.resolveReferences();
    if (this.problems.length > 0) return { problems: this.allProblems() };
    const map: DataMap = { tadoru: FORMAT_VERSION };
    if (this.mapName !== undefined) map.map = this.mapName;
    for (const section of SECTIONS) {
      if (this.merged[section]) (map as unknown as Record<string, unknown>)[section] = this.merged[section];
    }
    return { map, problems: [] };
  }

  /** The problems found so far, with a last line counting those not listed. */
  allProblems(): Problem[] {
    if (this.unlistedProblems === 0) return this.problems;
    return [...this.problems, { path: '(input)', message: `… and ${this.unlistedProblems} more problems not listed` }];
  }

  /** The map's name as the files give it, once they have been read. */
  get name(): string | undefined {
    return this.mapName;
  }

  private report(file: string | undefined, path: string, message: string): void {
    if (this.pass === 'references') return; // reported by the `shapes` pass
    this.push({ ...this.at(file, path), message });
  }

  private push(problem: Problem): void {
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(problem);
    else this.unlistedProblems++;
  }

  private document({ file, value }: MapDocument): void {
    if (!isPlainObject(value)) {
      this.report(file, '(root)', 'a map must be a mapping (an object) with `tadoru: 1` and its sections');
      return;
    }
    this.requireVersion(file, 'tadoru' in value);
    for (const [key, entries] of Object.entries(value)) {
      if (!Array.isArray(entries)) {
        this.header(file, key, entries);
      } else if (this.list(file, key)) {
        entries.forEach((entry, index) => this.element(file, key as Section, index, entry));
      }
    }
  }

  /** A top-level key whose value is not a list. */
  header(file: string | undefined, key: string, value: unknown): void {
    if (key === 'tadoru') {
      if (value !== FORMAT_VERSION) this.report(file, 'tadoru', `unsupported format version ${JSON.stringify(value)}; this tadoru reads version ${FORMAT_VERSION}`);
    } else if (key === 'map') {
      if (value !== undefined && value !== null) this.mapNameField(file, value);
    } else if (!(SECTIONS as readonly string[]).includes(key)) {
      this.report(file, key, unknownKeyMessage(key, ['tadoru', 'map', ...SECTIONS]));
    } else if (value !== null && value !== undefined) {
      this.report(file, key, 'must be a list');
    }
  }

  /** A top-level key whose value is a list: true when it is a section whose entries should be validated. */
  list(file: string | undefined, key: string): boolean {
    if ((SECTIONS as readonly string[]).includes(key)) return true;
    this.header(file, key, []);
    return false;
  }

  /** One entry of a section (`list` said the section is one). */
  element(file: string | undefined, section: Section, index: number, entry: unknown): void {
    const path = `${section}[${index}]`;
    this.entry(file, path, entry, SECTION_SPECS[section], section);
    if (this.pass !== 'references' && isPlainObject(entry)) this.crossFieldRules(file, section, path, entry);
    if (this.pass === 'whole') (this.merged[section] ??= []).push(isPlainObject(entry) ? stripUndefined(entry) : entry);
  }

  /** Once per document: whether it had the `tadoru` key. */
  requireVersion(file: string | undefined, sawVersion: boolean): void {
    if (!sawVersion) this.report(file, 'tadoru', 'required: the format version, `tadoru: 1`');
  }

  private mapNameField(file: string | undefined, name: unknown): void {
    if (typeof name !== 'string' || !ID_PATTERN.test(name)) {
      this.report(file, 'map', 'must be a name of 1-128 characters from A-Z a-z 0-9 . _ : -');
      return;
    }
    if (this.mapName !== undefined && this.mapName !== name) {
      this.report(file, 'map', `files name different maps: "${this.mapName}" and "${name}"`);
      return;
    }
    this.mapName = name;
  }

  private entry(file: string | undefined, path: string, entry: unknown, spec: EntrySpec, idSection: RefTarget | null): void {
    if (!isPlainObject(entry)) {
      this.report(file, path, 'must be a mapping (an object)');
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!(key in spec)) this.report(file, `${path}.${key}`, unknownKeyMessage(key, Object.keys(spec)));
    }
    for (const [key, field] of Object.entries(spec)) {
      this.field(file, `${path}.${key}`, entry[key], key in entry, field, idSection);
    }
  }

  private field(file: string | undefined, path: string, value: unknown, present: boolean, spec: FieldSpec, idSection: RefTarget | null): void {
    const missing = !present || value === undefined || (value === null && spec.kind !== 'nullableBoolean' && spec.kind !== 'nullableDate');
    if (missing) {
      if (spec.kind === 'id' || ('required' in spec && spec.required)) this.report(file, path, 'required');
      return;
    }
    switch (spec.kind) {
      case 'id':
        if (!this.isId(file, path, value)) return;
        if (idSection && this.pass !== 'references') this.define(file, path, idSection, value as string);
        return;
      case 'string':
        if (typeof value !== 'string' || value.trim() === '') this.report(file, path, 'must be a non-empty string');
        else if (spec.maxLength && value.length > spec.maxLength) this.report(file, path, `must be at most ${spec.maxLength} characters`);
        return;
      case 'ref':
        if (this.isId(file, path, value)) this.reference(file, path, spec.to, value as string);
        return;
      case 'refs':
        this.listItems(file, path, value, spec.nonEmpty === true, (item, itemPath) => {
          if (this.isId(file, itemPath, item)) this.reference(file, itemPath, spec.to, item as string);
        });
        return;
      case 'enum':
        if (typeof value !== 'string' || !spec.values.includes(value)) this.report(file, path, `must be one of ${spec.values.join(', ')}`);
        return;
      case 'enums':
        this.listItems(file, path, value, false, (item, itemPath) => {
          if (typeof item !== 'string' || !spec.values.includes(item)) this.report(file, itemPath, `must be one of ${spec.values.join(', ')}`);
        });
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.report(file, path, 'must be true or false');
        return;
      case 'nullableBoolean':
        if (value !== null && typeof value !== 'boolean') this.report(file, path, 'must be true, false or null');
        return;
      case 'date':
        this.date(file, path, value);
        return;
      case 'nullableDate':
        if (value !== null) this.date(file, path, value);
        return;
      case 'country':
        this.country(file, path, value);
        return;
      case 'countries':
        this.listItems(file, path, value, false, (item, itemPath) => this.country(file, itemPath, item));
        return;
      case 'count':
        if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) this.report(file, path, 'must be a whole number of at least 1');
        return;
      case 'object':
        this.entry(file, path, value, spec.fields, null);
        return;
      case 'list':
        if (!Array.isArray(value)) {
          this.report(file, path, 'must be a list');
          return;
        }
        value.forEach((item, i) => this.entry(file, `${path}[${i}]`, item, spec.fields, spec.idSection ?? null));
        return;
    }
  }

  private listItems(file: string | undefined, path: string, value: unknown, nonEmpty: boolean, each: (item: unknown, path: string) => void): void {
    if (!Array.isArray(value)) {
      this.report(file, path, 'must be a list');
      return;
    }
    if (nonEmpty && value.length === 0) this.report(file, path, 'must list at least one entry');
    const seen = new Set<unknown>();
    value.forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      if (seen.has(item)) this.report(file, itemPath, `${JSON.stringify(item)} is listed twice`);
      seen.add(item);
      each(item, itemPath);
    });
  }

  private isId(file: string | undefined, path: string, value: unknown): boolean {
    if (typeof value !== 'string') {
      const hint = typeof value === 'number' ? ' (quote it: "' + String(value) + '")' : '';
      this.report(file, path, `must be an id string${hint}`);
      return false;
    }
    if (!ID_PATTERN.test(value)) {
      this.report(file, path, `"${value}" is not a valid id: use 1-128 characters from A-Z a-z 0-9 . _ : -`);
      return false;
    }
    return true;
  }

  private date(file: string | undefined, path: string, value: unknown): void {
    if (typeof value !== 'string' || !isIsoDate(value)) this.report(file, path, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }

  private country(file: string | undefined, path: string, value: unknown): void {
    if (typeof value !== 'string' || !ISO_COUNTRIES.has(value)) {
      this.report(file, path, `must be an ISO 3166-1 alpha-2 country code (e.g. JP, SG, US), got ${JSON.stringify(value)}`);
    }
  }

  private define(file: string | undefined, path: string, section: RefTarget, id: string): void {
    const known = this.ids.get(section) ?? new Map<string, string>();
    this.ids.set(section, known);
    const first = known.get(id);
    if (first !== undefined) this.report(file, path, `duplicate id "${id}": already defined at ${first}`);
    else known.set(id, file && this.multiFile ? `${file}: ${path}` : path);
  }

  private at(file: string | undefined, path: string): Problem {
    return file && this.multiFile ? { file, path, message: '' } : { path, message: '' };
  }

  /** Whole documents resolve references at the end; a `references` pass checks each at once; `shapes` leaves them. */
  private reference(file: string | undefined, path: string, to: RefTarget, id: string): void {
    if (this.pass === 'whole') this.refs.push({ problemPath: this.at(file, path), to, id });
    else if (this.pass === 'references' && !this.isKnown(to, id)) this.push({ ...this.at(file, path), message: `unknown ${REF_NOUN[to]} "${id}"` });
  }

  private isKnown(to: RefTarget, id: string): boolean {
    return to === 'organizationOrGroup' ? !!(this.ids.get('organizations')?.has(id) || this.ids.get('groups')?.has(id)) : !!this.ids.get(to)?.has(id);
  }

  private resolveReferences(): void {
    for (const ref of this.refs) {
      if (!this.isKnown(ref.to, ref.id)) this.push({ ...ref.problemPath, message: `unknown ${REF_NOUN[ref.to]} "${ref.id}"` });
    }
  }

  /** Rules that involve more than one field of an entry. */
  private crossFieldRules(file: string | undefined, section: Section, path: string, entry: Record<string, unknown>): void {
    if (section === 'flows' || section === 'derivations') {
      const { validFrom, validTo } = entry;
      if (isDate(validFrom) && isDate(validTo) && validTo < validFrom) {
        this.report(file, `${path}.validTo`, `ends (${validTo}) before it starts (${validFrom})`);
      }
    }
    if (section === 'people' && Array.isArray(entry.consents)) {
      entry.consents.forEach((consent: unknown, c: number) => {
        if (!isPlainObject(consent)) return;
        const { at, withdrawnAt } = consent;
        if (isDate(at) && isDate(withdrawnAt) && withdrawnAt < at) {
          this.report(file, `${path}.consents[${c}].withdrawnAt`, `is before the consent was given (${at})`);
        }
      });
    }
  }
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && isIsoDate(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** `unknown key "x" (did you mean "y"?); allowed: …`: also used for the keys of change set documents. */
export function unknownKeyMessage(key: string, allowed: string[]): string {
  const suggestion = closest(key, allowed);
  return `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed: ${allowed.join(', ')}`;
}

/** The allowed key nearest to a typo, when it is near enough to be a likely intent. */
function closest(key: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
