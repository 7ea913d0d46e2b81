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
 * Every node and relationship of one map as sorted canonical text, so that two imports can be
 * compared for "the same graph". Import timestamps live on the DataMap node, outside of it.
 */
export async function graphFingerprint(db: Neo4jService, map: string): Promise<{ nodes: string[]; relationships: string[] }> {
  return db.read('test.fingerprint', async (q) => {
    const [row] = await q.run('testing/map-fingerprint', { map });
    return {
      nodes: (row.nodes as unknown[]).map(canonical).sort(),
      relationships: (row.relationships as unknown[]).map(canonical).sort(),
    };
  });
}
