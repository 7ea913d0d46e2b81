import * as yaml from 'js-yaml';
import { ELEMENT_LABELS } from '../graph/element-labels';
import { DataMap, FORMAT_VERSION, SECTIONS } from '../model/data-map';
import { COLLECTION_SPEC, CONSENT_SPEC, EntrySpec, PROVISION_SPEC, SECTION_SPECS, SHARED_USE_SPEC } from '../validation/map-schema';

export interface ElementRecord {
  label: string;
  props: Record<string, unknown>;
}

/** Only the fields the format defines, in the spec's order; derived graph properties stay behind. */
function pick(props: Record<string, unknown>, spec: EntrySpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(spec)) {
    if (props[key] !== undefined && props[key] !== null) out[key] = props[key];
  }
  return out;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

const bySeq = (a: ElementRecord, b: ElementRecord) => (a.props.seq as number) - (b.props.seq as number);

/** Rebuilds a map from its stored elements, so that importing the result gives the same graph. */
export function mapFromElements(name: string, elements: ElementRecord[]): DataMap {
  const byLabel = groupBy(elements, (e) => e.label);
  const children = (label: string, parentKey: string) => groupBy((byLabel.get(label) ?? []).sort(bySeq), (e) => e.props[parentKey] as string);
  const provisions = children('Provision', 'notice');
  const sharedUses = children('SharedUse', 'notice');
  const collections = children('Collection', 'system');
  const consents = children('Consent', 'people');

  const map: DataMap = { tadoru: FORMAT_VERSION, map: name };
  for (const section of SECTIONS) {
    const records = (byLabel.get(ELEMENT_LABELS[section]) ?? []).sort(bySeq);
    if (records.length === 0) continue;
    (map as unknown as Record<string, unknown>)[section] = records.map((r) => {
      const entry = pick(r.props, SECTION_SPECS[section]);
      const id = r.props.id as string;
      if (section === 'notices') {
        const p = provisions.get(id);
        if (p) entry.provisions = p.map((x) => pick(x.props, PROVISION_SPEC));
        const s = sharedUses.get(id);
        if (s) entry.sharedUse = pick(s[0].props, SHARED_USE_SPEC);
      }
      if (section === 'systems') {
        const c = collections.get(id);
        if (c) entry.collections = c.map((x) => pick(x.props, COLLECTION_SPEC));
      }
      if (section === 'people') {
        const c = consents.get(id);
        if (c) entry.consents = c.map((x) => pick(x.props, CONSENT_SPEC));
      }
      return entry;
    });
  }
  return map;
}

export type ExportFormat = 'yaml' | 'json';

/**
 * YAML is written with the core schema, which is how tadoru reads it: dates stay strings and
 * anything that would read back as another type (an all-digit id) is quoted.
 */
export function serializeMap(map: DataMap, format: ExportFormat = 'yaml'): string {
  if (format === 'json') return JSON.stringify(map, null, 2) + '\n';
  return yaml.dump(map, { schema: yaml.CORE_SCHEMA, lineWidth: 120, noRefs: true, quotingType: '"', flowLevel: -1 });
}
