import { AssetRef, categoryOfAsset, Expand, ExpandedEdge, systemOfAsset, walkAssets, WalkLimits } from './asset-walk';
import { expandFrom, NeighbourEdge, Neighbourhood, neighbourhoodBounds } from './prefetched-walk';

/** A seeded random DataAsset—FEEDS graph: `n` assets, each with up to `fanOut` steps out (cycles and diamonds included). */
function randomGraph(seed: number, n: number, fanOut: number): Map<string, NeighbourEdge[]> {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const id = (i: number) => `sys${i % 7}/cat${i}`;
  const ref = (i: number): AssetRef => ({ id: id(i), system: systemOfAsset(id(i)), category: categoryOfAsset(id(i)), collected: i % 5 === 0 });
  const out = new Map<string, NeighbourEdge[]>();
  for (let i = 0; i < n; i++) {
    const edges: NeighbourEdge[] = [];
    const count = Math.floor(random() * (fanOut + 1));
    for (let k = 0; k < count; k++) {
      const j = Math.floor(random() * n);
      edges.push({ from: id(i), to: id(j), kind: random() < 0.2 ? 'DERIVATION' : 'FLOW', via: `via-${i}-${k}`, reached: ref(j) });
    }
    out.set(id(i), edges);
  }
  return out;
}

/** The level query as the database runs it: frontier order, then each asset's edges in order, cut at `limit`. */
function levels(graph: Map<string, NeighbourEdge[]>, calls: { count: number }): Expand {
  return async (frontier, limit) => {
    calls.count++;
    const rows: ExpandedEdge[] = [];
    for (const item of frontier) for (const e of graph.get(item.asset) ?? []) rows.push({ ...e, search: item.search });
    return rows.slice(0, limit);
  };
}

/** What the neighbourhood statement returns: some assets (in any order, at most `nodeCap`), each with its first `perNode` edges. */
function neighbourhoodOf(graph: Map<string, NeighbourEdge[]>, starts: string[], limits: WalkLimits, take: (ids: string[]) => string[]): Neighbourhood {
  const { nodeCap, perNode } = neighbourhoodBounds(limits);
  const reached = new Set(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    for (const e of graph.get(queue.shift() as string) ?? []) {
      if (reached.has(e.to)) continue;
      reached.add(e.to);
      queue.push(e.to);
    }
  }
  return new Map(take([...reached]).slice(0, nodeCap).map((a) => [a, (graph.get(a) ?? []).slice(0, perNode)]));
}

describe('a walk answered from a prefetched neighbourhood', () => {
  const cases: Array<[string, WalkLimits]> = [
    ['loose bounds', { maxDepth: 10, maxNodes: 1000 }],
    ['cut by maxNodes', { maxDepth: 10, maxNodes: 12 }],
    ['cut by maxDepth', { maxDepth: 2, maxNodes: 1000 }],
    ['a single node', { maxDepth: 5, maxNodes: 1 }],
  ];
  for (const [name, limits] of cases) {
    for (const seed of [1, 2, 3, 4, 5]) {
      it(`gives exactly the level-by-level answer (${name}, graph ${seed})`, async () => {
        const graph = randomGraph(seed, 60, 4);
        const [startId] = [...graph].find(([, edges]) => edges.length >= 2) as [string, NeighbourEdge[]];
        const starts = [{ id: startId, system: systemOfAsset(startId), category: categoryOfAsset(startId) }];
        const byLevels = await walkAssets([starts], limits, levels(graph, { count: 0 }));
        if (limits.maxNodes > 1) expect(byLevels[0].nodes.size).toBeGreaterThan(2);
        const prefetched = neighbourhoodOf(graph, starts.map((s) => s.id), limits, (ids) => ids);
        const calls = { count: 0 };
        const fromNeighbourhood = await walkAssets([starts], limits, expandFrom(prefetched, levels(graph, calls)));
        expect(fromNeighbourhood).toEqual(byLevels);
        expect(calls.count).toBe(0);
      });
    }
  }

  it('falls back to the level query where the neighbourhood was cut, with the same answer', async () => {
    const limits = { maxDepth: 10, maxNodes: 1000 };
    const graph = randomGraph(9, 80, 3);
    const starts = [{ id: 'sys0/cat0', system: 'sys0', category: 'cat0' }];
    const byLevels = await walkAssets([starts], limits, levels(graph, { count: 0 }));
    // the statement's LIMIT kept only some assets, and not the nearest ones
    const partial = neighbourhoodOf(graph, ['sys0/cat0'], limits, (ids) => [ids[0], ...ids.slice(1).reverse().slice(0, 10)]);
    const calls = { count: 0 };
    expect(await walkAssets([starts], limits, expandFrom(partial, levels(graph, calls)))).toEqual(byLevels);
    expect(calls.count).toBeGreaterThan(0);
  });
});
