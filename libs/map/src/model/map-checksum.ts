import { createHash, Hash } from 'node:crypto';
import { DataMap, FORMAT_VERSION, Section, SECTIONS } from '../model/data-map';

/**
 * Same content, same checksum, whether the map was read whole or streamed entry by entry: each
 * section is hashed on its own in map order, then the section digests are hashed together. Keys are
 * sorted; null, absent and empty lists mean the same and are dropped.
 */
export class MapChecksum {
  private readonly sections = new Map<Section, Hash>();

  add(section: Section, entry: unknown): void {
    let hash = this.sections.get(section);
    if (!hash) this.sections.set(section, (hash = createHash('sha256')));
    hash.update(canonicalJson(entry)).update('\n');
  }

  digest(mapName: string | undefined): string {
    const whole = createHash('sha256').update(canonicalJson({ tadoru: FORMAT_VERSION, map: mapName }));
    for (const section of SECTIONS) {
      const hash = this.sections.get(section);
      if (hash) whole.update(`\n${section}:${hash.digest('hex')}`);
    }
    return whole.digest('hex');
  }
}

export function checksumOf(map: DataMap): string {
  const checksum = new MapChecksum();
  for (const section of SECTIONS) for (const entry of map[section] ?? []) checksum.add(section, entry);
  return checksum.digest(map.map);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
