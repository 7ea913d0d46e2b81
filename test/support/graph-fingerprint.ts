import { Neo4jService } from '@tadoru/graph';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Every node and relationship of the current version of one map as sorted canonical text, so that
 * two imports can be compared for "the same graph". The version's storage key (which every element
 * carries as `map`) is shown as the map's name; timestamps live on the map node, outside of it.
 * A map with no version has no nodes.
 */
export async function graphFingerprint(db: Neo4jService, map: string): Promise<{ nodes: string[]; relationships: string[] }> {
  return db.read('test.fingerprint', async (q) => {
    const [found] = await q.run('map/find-map', { map });
    const storage = (found?.map as { storage?: string } | undefined)?.storage;
    if (!storage) return { nodes: [], relationships: [] };
    const [row] = await q.run('testing/map-fingerprint', { map: storage });
    const named = (text: string) => text.split(JSON.stringify(storage)).join(JSON.stringify(map));
    return {
      nodes: (row.nodes as unknown[]).map((n) => named(canonical(n))).sort(),
      relationships: (row.relationships as unknown[]).map((r) => named(canonical(r))).sort(),
    };
  });
}
