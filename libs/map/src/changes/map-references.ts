import { DataMap, SECTIONS, Section } from '../model/data-map';
import { EntrySpec, RefTarget, SECTION_SPECS } from '../validation/map-schema';
import { isPlainObject } from '../validation/map-validator';
import { ELEMENT_NOUN } from './change-set-validation';

/**
 * Who refers to each element of a map: per section and id, the referrers as a user names them
 * (`flow "k9"`, `collection "c1"`, `notice "n1"` for a provision of that notice). Read from the
 * format's schema, so that every kind of reference the validator knows is counted.
 */
export class MapReferences {
  private readonly referrers = new Map<string, string[]>();

  constructor(map: DataMap) {
    for (const section of SECTIONS) {
      for (const entry of (map[section] ?? []) as unknown[]) {
        if (isPlainObject(entry)) this.walk(entry, SECTION_SPECS[section], `${ELEMENT_NOUN[section]} "${String(entry.id)}"`);
      }
    }
  }

  /** The referrers of one element, each named once, in map order. */
  of(section: Section, id: string): string[] {
    const direct = this.referrers.get(key(section, id)) ?? [];
    // shared-use `users` may name an organization or a group
    const either = section === 'organizations' || section === 'groups' ? (this.referrers.get(key('organizationOrGroup', id)) ?? []) : [];
    return [...new Set([...direct, ...either])];
  }

  private walk(entry: Record<string, unknown>, spec: EntrySpec, referrer: string): void {
    for (const [field, fieldSpec] of Object.entries(spec)) {
      const value = entry[field];
      switch (fieldSpec.kind) {
        case 'ref':
          if (typeof value === 'string') this.add(fieldSpec.to, value, referrer);
          break;
        case 'refs':
          if (Array.isArray(value)) for (const id of value) if (typeof id === 'string') this.add(fieldSpec.to, id, referrer);
          break;
        case 'object':
          if (isPlainObject(value)) this.walk(value, fieldSpec.fields, referrer);
          break;
        case 'list':
          if (Array.isArray(value)) {
            for (const item of value) {
              if (!isPlainObject(item)) continue;
              // a collection is an element of its own to the user; provisions and consents belong to their entry
              this.walk(item, fieldSpec.fields, fieldSpec.idSection === 'collections' ? `collection "${String(item.id)}"` : referrer);
            }
          }
          break;
        default:
          break;
      }
    }
  }

  private add(to: RefTarget, id: string, referrer: string): void {
    const list = this.referrers.get(key(to, id)) ?? [];
    list.push(referrer);
    this.referrers.set(key(to, id), list);
  }
}

function key(to: RefTarget, id: string): string {
  return `${to}\u0000${id}`;
}

/** `flow "k9"`, `flow "k9" and collection "c1"`, `a, b, c and 4 more`. */
export function listReferrers(referrers: string[], shown = 5): string {
  if (referrers.length === 1) return referrers[0];
  if (referrers.length <= shown) return `${referrers.slice(0, -1).join(', ')} and ${referrers[referrers.length - 1]}`;
  return `${referrers.slice(0, shown).join(', ')} and ${referrers.length - shown} more`;
}
