import {
  AssetRef,
  categoryOfAsset,
  chainTo,
  Direction,
  Expand,
  ExpandedEdge,
  FeedEdge,
  LEVEL_ROW_FACTOR,
  StepKind,
  systemOfAsset,
  systemsOf,
  walkAssets,
  WalkLimits,
  WalkResult,
} from './asset-walk';

/**
 * An in-memory DataAsset—FEEDS graph standing in for the database. Assets are `system/category`
 * ids; an edge is written `'from>to:via'` (a FLOW) or `'from>to:via:D'` (a DERIVATION). Expansion
 * returns rows in frontier order, then edge order, and honours `limit` like the Cypher does.
 */
interface FakeGraph {
  expand: Expand;
  calls: Array<{ frontier: Array<{ search: number; asset: string }>; limit: number }>;
}

function edge(spec: string): FeedEdge {
  const [ends, via, kind] = spec.split(':');
  const [from, to] = ends.split('>');
  return { from, to, via, kind: kind === 'D' ? 'DERIVATION' : 'FLOW' };
}

function ref(id: string, collected: Set<string> = new Set()): AssetRef {
  return { id, system: systemOfAsset(id), category: categoryOfAsset(id), collected: collected.has(id) };
}

function fakeGraph(specs: string[], options: { direction?: Direction; collected?: string[] } = {}): FakeGraph {
  const direction = options.direction ?? 'DOWNSTREAM';
  const collected = new Set(options.collected ?? []);
  const edges = specs.map(edge);
  const calls: FakeGraph['calls'] = [];
  const expand: Expand = async (frontier, limit) => {
    calls.push({ frontier: frontier.map((f) => ({ ...f })), limit });
    const rows: ExpandedEdge[] = [];
    for (const item of frontier) {
      for (const e of edges) {
        const near = direction === 'DOWNSTREAM' ? e.from : e.to;
        const far = direction === 'DOWNSTREAM' ? e.to : e.from;
        if (near === item.asset) rows.push({ ...e, search: item.search, reached: ref(far, collected) });
      }
    }
    return rows.slice(0, limit);
  };
  return { expand, calls };
}

const LOOSE: WalkLimits = { maxDepth: 10, maxNodes: 100 };

/** `id → depth`, the exact node set of a walk. */
function depths(result: WalkResult): Record<string, number> {
  return Object.fromEntries([...result.nodes.values()].map((n) => [n.id, n.depth]));
}

function via(result: WalkResult, id: string): string[] {
  const node = result.nodes.get(id);
  if (!node) throw new Error(`${id} was not visited`);
  return node.reachedVia.map((e) => e.via);
}

function edgeIds(result: WalkResult): string[] {
  return result.edges.map((e) => `${e.from}>${e.to}:${e.via}`).sort();
}

async function walk(specs: string[], starts: string[], limits: WalkLimits = LOOSE, options: { direction?: Direction; collected?: string[] } = {}) {
  const graph = fakeGraph(specs, options);
  const collected = new Set(options.collected ?? []);
  const [result] = await walkAssets([starts.map((s) => ref(s, collected))], limits, graph.expand);
  return { result, calls: graph.calls };
}

describe('walkAssets', () => {
  it('walks a chain level by level: depths, the edge each asset was reached by, one expand call per level', async () => {
    const { result, calls } = await walk(['web/b>model/b:to-model', 'model/b>model/s:scoring:D', 'model/s>ats/s:score-out'], ['web/b']);
    expect(depths(result)).toEqual({ 'web/b': 0, 'model/b': 1, 'model/s': 2, 'ats/s': 3 });
    expect(result.nodes.get('web/b')).toEqual({ id: 'web/b', system: 'web', category: 'b', collected: false, depth: 0, reachedVia: [] });
    expect(result.nodes.get('model/s')).toEqual({
      id: 'model/s',
      system: 'model',
      category: 's',
      collected: false,
      depth: 2,
      reachedVia: [{ from: 'model/b', to: 'model/s', kind: 'DERIVATION', via: 'scoring' }],
    });
    expect(result.nodes.get('ats/s')!.reachedVia).toEqual([{ from: 'model/s', to: 'ats/s', kind: 'FLOW', via: 'score-out' }]);
    expect(edgeIds(result)).toEqual(['model/b>model/s:scoring', 'model/s>ats/s:score-out', 'web/b>model/b:to-model']);
    expect(result).toMatchObject({ partial: false, cutBy: [] });
    // the last level finds nothing more to expand
    expect(calls.map((c) => c.frontier.map((f) => f.asset))).toEqual([['web/b'], ['model/b'], ['model/s'], ['ats/s']]);
    // ExpandedEdge extras never leak into the recorded edges
    for (const e of result.edges) expect(Object.keys(e).sort()).toEqual(['from', 'kind', 'to', 'via']);
  });

  it('returns only the starts when nothing leads anywhere', async () => {
    const { result, calls } = await walk(['x/c>y/c:f'], ['a/c', 'b/c']);
    expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 0 });
    expect(result).toMatchObject({ edges: [], partial: false, cutBy: [] });
    expect(calls).toHaveLength(1);
  });

  it('visits a start listed twice once', async () => {
    const { result, calls } = await walk(['a/c>b/c:f'], ['a/c', 'a/c']);
    expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
    expect(calls[0].frontier).toEqual([{ search: 0, asset: 'a/c' }]);
  });

  it('returns nothing and never expands when there are no starts', async () => {
    const { result, calls } = await walk(['a/c>b/c:f'], []);
    expect(result).toEqual({ nodes: new Map(), edges: [], partial: false, cutBy: [] });
    expect(calls).toHaveLength(0);
  });

  describe('diamonds', () => {
    it('records every way an asset was reached at the same depth', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>d/c:bd', 'c/c>d/c:cd'], ['a/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 1, 'd/c': 2 });
      expect(result.nodes.get('d/c')!.reachedVia).toEqual([
        { from: 'b/c', to: 'd/c', kind: 'FLOW', via: 'bd' },
        { from: 'c/c', to: 'd/c', kind: 'FLOW', via: 'cd' },
      ]);
      expect(edgeIds(result)).toEqual(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>d/c:bd', 'c/c>d/c:cd']);
    });

    it('records two parallel steps between the same assets (two flows carrying the same category)', async () => {
      const { result } = await walk(['a/c>b/c:f1', 'a/c>b/c:f2'], ['a/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(via(result, 'b/c')).toEqual(['f1', 'f2']);
    });

    it('records only the shortest way when an asset is reached at different depths', async () => {
      // d is one step from a directly, and two steps through b; the longer way is listed first.
      const { result } = await walk(['a/c>b/c:ab', 'b/c>d/c:bd', 'a/c>d/c:ad'], ['a/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'd/c': 1 });
      expect(result.nodes.get('d/c')!.reachedVia).toEqual([{ from: 'a/c', to: 'd/c', kind: 'FLOW', via: 'ad' }]);
      // the longer way is still an edge crossed between visited assets
      expect(edgeIds(result)).toEqual(['a/c>b/c:ab', 'a/c>d/c:ad', 'b/c>d/c:bd']);
    });

    it('does not add a same-level sibling edge to reachedVia', async () => {
      // b and c are both at depth 1; b→c is crossed at level 2 and must not count as reaching c.
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>c/c:bc'], ['a/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 1 });
      expect(via(result, 'c/c')).toEqual(['ac']);
      expect(edgeIds(result)).toContain('b/c>c/c:bc');
    });

    it('merges several starts: an asset reached from two starts at the same depth names both', async () => {
      const { result } = await walk(['a/c>z/c:az', 'b/c>z/c:bz'], ['a/c', 'b/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 0, 'z/c': 1 });
      expect(via(result, 'z/c')).toEqual(['az', 'bz']);
    });

    it('keeps a start at depth 0 even when another start leads to it', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'b/c>c/c:bc'], ['a/c', 'b/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 0, 'c/c': 1 });
      expect(result.nodes.get('b/c')!.reachedVia).toEqual([]);
    });
  });

  describe('cycles', () => {
    it('terminate, visiting each asset once', async () => {
      const { result, calls } = await walk(['a/c>b/c:ab', 'b/c>b/c:self', 'b/c>c/c:bc', 'c/c>a/c:ca'], ['a/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 2 });
      expect(result.nodes.size).toBe(3);
      expect(via(result, 'a/c')).toEqual([]);
      expect(via(result, 'b/c')).toEqual(['ab']);
      expect(via(result, 'c/c')).toEqual(['bc']);
      expect(edgeIds(result)).toEqual(['a/c>b/c:ab', 'b/c>b/c:self', 'b/c>c/c:bc', 'c/c>a/c:ca']);
      expect(result).toMatchObject({ partial: false, cutBy: [] });
      expect(calls.map((c) => c.frontier.map((f) => f.asset))).toEqual([['a/c'], ['b/c'], ['c/c']]);
    });

    it('terminate on a two-system ping-pong (A→B→A)', async () => {
      const { result, calls } = await walk(['a/c>b/c:out', 'b/c>a/c:back'], ['a/c']);
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(calls).toHaveLength(2);
      expect(result).toMatchObject({ partial: false, cutBy: [] });
    });
  });

  describe('several searches in one walk', () => {
    it('keeps a visited set per search and expands all of them with one call per level', async () => {
      const graph = fakeGraph(['a/c>b/c:ab', 'b/c>c/c:bc', 'c/c>d/c:cd']);
      const results = await walkAssets([[ref('a/c')], [ref('c/c')], [ref('a/c')], []], LOOSE, graph.expand);
      expect(results).toHaveLength(4);
      expect(depths(results[0])).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 2, 'd/c': 3 });
      // search 1 already visited d at depth 1: that does not stop search 0 (or 2) from reaching it
      expect(depths(results[1])).toEqual({ 'c/c': 0, 'd/c': 1 });
      expect(depths(results[2])).toEqual(depths(results[0]));
      expect(results[3]).toEqual({ nodes: new Map(), edges: [], partial: false, cutBy: [] });
      expect(edgeIds(results[1])).toEqual(['c/c>d/c:cd']);
      expect(graph.calls.map((c) => c.frontier)).toEqual([
        [
          { search: 0, asset: 'a/c' },
          { search: 1, asset: 'c/c' },
          { search: 2, asset: 'a/c' },
        ],
        [
          { search: 0, asset: 'b/c' },
          { search: 1, asset: 'd/c' },
          { search: 2, asset: 'b/c' },
        ],
        [
          { search: 0, asset: 'c/c' },
          { search: 2, asset: 'c/c' },
        ],
        [
          { search: 0, asset: 'd/c' },
          { search: 2, asset: 'd/c' },
        ],
      ]);
    });

    it('cuts each search by its own limits', async () => {
      const graph = fakeGraph(['a/c>b/c:ab', 'b/c>c/c:bc', 'x/c>y/c:xy']);
      const [long, short] = await walkAssets([[ref('a/c')], [ref('x/c')]], { maxDepth: 1, maxNodes: 100 }, graph.expand);
      expect(depths(long)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(long).toMatchObject({ partial: true, cutBy: ['maxDepth'] });
      expect(depths(short)).toEqual({ 'x/c': 0, 'y/c': 1 });
      expect(short).toMatchObject({ partial: false, cutBy: [] });
    });
  });

  describe('maxDepth', () => {
    const chain = ['a/c>b/c:ab', 'b/c>c/c:bc', 'c/c>d/c:cd'];

    it('stops at the limit and says the answer was cut when something lies beyond', async () => {
      const { result } = await walk(chain, ['a/c'], { maxDepth: 2, maxNodes: 100 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 2 });
      expect(edgeIds(result)).toEqual(['a/c>b/c:ab', 'b/c>c/c:bc']);
      expect(result).toMatchObject({ partial: true, cutBy: ['maxDepth'] });
    });

    it('is not partial when the graph ends exactly at the limit', async () => {
      const { result, calls } = await walk(chain, ['a/c'], { maxDepth: 3, maxNodes: 100 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 2, 'd/c': 3 });
      expect(result).toMatchObject({ partial: false, cutBy: [] });
      // one look past the limit tells that nothing lies beyond
      expect(calls).toHaveLength(4);
    });

    it('is not partial when all that lies beyond the limit was already visited', async () => {
      const { result } = await walk([...chain, 'd/c>a/c:da', 'd/c>b/c:db'], ['a/c'], { maxDepth: 3, maxNodes: 100 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 2, 'd/c': 3 });
      expect(result).toMatchObject({ partial: false, cutBy: [] });
    });

    it('maxDepth 1 lists the starts and their direct neighbours', async () => {
      const { result } = await walk(chain, ['a/c'], { maxDepth: 1, maxNodes: 100 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(result).toMatchObject({ partial: true, cutBy: ['maxDepth'] });
    });

    // At the look past maxDepth, an oversized level is not part of the answer: only maxDepth cut it
    // (here the whole graph has 3 assets and maxNodes is 3).
    it('says only maxDepth cut the answer when the look past the limit hits the row budget', async () => {
      const maxNodes = 3;
      const parallel = Array.from({ length: maxNodes * LEVEL_ROW_FACTOR + 5 }, (_, i) => `b/c>c/c:f${String(i).padStart(2, '0')}`);
      const { result } = await walk(['a/c>b/c:ab', ...parallel], ['a/c'], { maxDepth: 1, maxNodes });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(result).toMatchObject({ partial: true, cutBy: ['maxDepth'] });
    });
  });

  describe('maxNodes', () => {
    it('stops adding assets at the limit and says the answer was cut', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'a/c>d/c:ad', 'b/c>e/c:be'], ['a/c'], { maxDepth: 10, maxNodes: 3 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 1 });
      // no edge into an asset that was not listed
      expect(edgeIds(result)).toEqual(['a/c>b/c:ab', 'a/c>c/c:ac']);
      expect(result).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
    });

    it('still records edges between listed assets once the limit is reached', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>c/c:bc', 'c/c>z/c:cz'], ['a/c'], { maxDepth: 10, maxNodes: 3 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 1 });
      expect(edgeIds(result)).toEqual(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>c/c:bc']);
      expect(result).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
    });

    it('is not partial when the graph has exactly maxNodes assets', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>c/c:bc', 'c/c>a/c:ca'], ['a/c'], { maxDepth: 10, maxNodes: 3 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 1 });
      expect(result).toMatchObject({ partial: false, cutBy: [] });
    });

    it('applies to the starts too', async () => {
      const { result, calls } = await walk([], ['a/c', 'b/c', 'c/c'], { maxDepth: 10, maxNodes: 2 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 0 });
      expect(result).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
      expect(calls[0].frontier.map((f) => f.asset)).toEqual(['a/c', 'b/c']);
    });

    it('reports both limits when both cut', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>d/c:bd'], ['a/c'], { maxDepth: 1, maxNodes: 2 });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(result.partial).toBe(true);
      expect([...result.cutBy].sort()).toEqual(['maxDepth', 'maxNodes']);
    });
  });

  describe('the row budget of one level', () => {
    it('asks for maxNodes*LEVEL_ROW_FACTOR + frontier + 1 rows (one more than it uses)', async () => {
      const { calls } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>d/c:bd'], ['a/c'], { maxDepth: 10, maxNodes: 7 });
      expect(calls.map((c) => [c.frontier.length, c.limit])).toEqual([
        [1, 7 * LEVEL_ROW_FACTOR + 1 + 1],
        [2, 7 * LEVEL_ROW_FACTOR + 2 + 1],
        [1, 7 * LEVEL_ROW_FACTOR + 1 + 1],
      ]);
    });

    it('cuts a hub level that returns more rows than the budget, using only the budget', async () => {
      const maxNodes = 2;
      const budget = maxNodes * LEVEL_ROW_FACTOR + 1;
      const parallel = Array.from({ length: budget + 3 }, (_, i) => `a/c>b/c:f${String(i).padStart(2, '0')}`);
      const { result } = await walk(parallel, ['a/c'], { maxDepth: 10, maxNodes });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(via(result, 'b/c')).toEqual(parallel.slice(0, budget).map((s) => s.split(':')[1]));
      expect(result.edges).toHaveLength(budget);
      expect(result).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
    });

    it('does not cut a level that returns exactly the budget', async () => {
      const maxNodes = 2;
      const budget = maxNodes * LEVEL_ROW_FACTOR + 1;
      const parallel = Array.from({ length: budget }, (_, i) => `a/c>b/c:f${String(i).padStart(2, '0')}`);
      const { result } = await walk(parallel, ['a/c'], { maxDepth: 10, maxNodes });
      expect(via(result, 'b/c')).toHaveLength(budget);
      expect(result).toMatchObject({ partial: false, cutBy: [] });
    });

    it('caps the assets at maxNodes even when expand returns more rows than it was asked for', async () => {
      const rows = (n: number): ExpandedEdge[] =>
        Array.from({ length: n }, (_, i) => ({ search: 0, from: 'a/c', to: `b${i}/c`, kind: 'FLOW' as StepKind, via: `f${i}`, reached: ref(`b${i}/c`) }));
      const expand: Expand = async (frontier) => (frontier[0].asset === 'a/c' ? rows(50) : []);
      const [result] = await walkAssets([[ref('a/c')]], { maxDepth: 10, maxNodes: 100 }, expand);
      // 50 rows are within the budget of 401: all listed, nothing cut
      expect(result.nodes.size).toBe(51);
      expect(result.partial).toBe(false);
      const [small] = await walkAssets([[ref('a/c')]], { maxDepth: 10, maxNodes: 3 }, expand);
      expect(depths(small)).toEqual({ 'a/c': 0, 'b0/c': 1, 'b1/c': 1 });
      expect(small).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
    });

    it('only cuts the searches expanded in the level that overflowed', async () => {
      const maxNodes = 3;
      const parallel = Array.from({ length: maxNodes * LEVEL_ROW_FACTOR + 3 }, (_, i) => `h/c>k/c:f${String(i).padStart(2, '0')}`);
      // the quiet search ends at level 1; the hub overflows level 2
      const graph = fakeGraph(['x/c>y/c:xy', 'a/c>h/c:ah', ...parallel]);
      const [quiet, hub] = await walkAssets([[ref('y/c')], [ref('a/c')]], { maxDepth: 10, maxNodes }, graph.expand);
      expect(graph.calls.map((c) => c.frontier.map((f) => f.search))).toEqual([[0, 1], [1], [1]]);
      expect(depths(quiet)).toEqual({ 'y/c': 0 });
      expect(quiet).toMatchObject({ partial: false, cutBy: [] });
      expect(depths(hub)).toEqual({ 'a/c': 0, 'h/c': 1, 'k/c': 2 });
      expect(hub).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
    });
  });

  describe('stopAt', () => {
    const stopAt = (a: AssetRef) => a.collected === true;

    it('stops a search at the first asset for which it holds', async () => {
      const { result, calls } = await walk(['a/c>b/c:ab', 'b/c>c/c:bc', 'c/c>d/c:cd'], ['a/c'], { ...LOOSE, stopAt }, { collected: ['c/c'] });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 2 });
      expect(result.nodes.get('c/c')!.collected).toBe(true);
      expect(result).toMatchObject({ partial: false, cutBy: [] });
      // the stop asset is never expanded
      expect(calls.map((c) => c.frontier.map((f) => f.asset))).toEqual([['a/c'], ['b/c']]);
    });

    it('ignores what comes after the stop asset in the same level', async () => {
      const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'a/c>d/c:ad'], ['a/c'], { ...LOOSE, stopAt }, { collected: ['c/c', 'd/c'] });
      expect(depths(result)).toEqual({ 'a/c': 0, 'b/c': 1, 'c/c': 1 });
    });

    it('never expands a search whose start already satisfies it', async () => {
      const { result, calls } = await walk(['a/c>b/c:ab'], ['a/c'], { ...LOOSE, stopAt }, { collected: ['a/c'] });
      expect(depths(result)).toEqual({ 'a/c': 0 });
      expect(calls).toHaveLength(0);
    });

    it('stops only the search that found it', async () => {
      const graph = fakeGraph(['a/c>b/c:ab', 'b/c>c/c:bc', 'x/c>y/c:xy', 'y/c>z/c:yz'], { collected: ['b/c'] });
      const [first, second] = await walkAssets([[ref('a/c')], [ref('x/c')]], { ...LOOSE, stopAt }, graph.expand);
      expect(depths(first)).toEqual({ 'a/c': 0, 'b/c': 1 });
      expect(depths(second)).toEqual({ 'x/c': 0, 'y/c': 1, 'z/c': 2 });
      expect(graph.calls.map((c) => c.frontier)).toEqual([
        [
          { search: 0, asset: 'a/c' },
          { search: 1, asset: 'x/c' },
        ],
        [{ search: 1, asset: 'y/c' }],
        [{ search: 1, asset: 'z/c' }],
      ]);
    });
  });

  describe('upstream', () => {
    it('records edges in the direction the data moves and nodes by the asset reached', async () => {
      const { result } = await walk(['web/b>model/b:to-model', 'model/b>model/s:scoring:D', 'model/n>model/s:scoring:D', 'model/s>ats/s:score-out'], ['ats/s'], LOOSE, { direction: 'UPSTREAM' });
      expect(depths(result)).toEqual({ 'ats/s': 0, 'model/s': 1, 'model/b': 2, 'model/n': 2, 'web/b': 3 });
      expect(result.nodes.get('model/s')!.reachedVia).toEqual([{ from: 'model/s', to: 'ats/s', kind: 'FLOW', via: 'score-out' }]);
      expect(result.nodes.get('model/n')!.reachedVia).toEqual([{ from: 'model/n', to: 'model/s', kind: 'DERIVATION', via: 'scoring' }]);
      expect(result.nodes.get('web/b')!.reachedVia).toEqual([{ from: 'web/b', to: 'model/b', kind: 'FLOW', via: 'to-model' }]);
    });
  });
});

describe('chainTo', () => {
  const specs = ['web/b>model/b:to-model', 'model/b>model/s:scoring:D', 'model/s>ats/s:score-out'];

  it('downstream: the steps from the start to the asset, in the order the data moves', async () => {
    const { result } = await walk(specs, ['web/b']);
    expect(chainTo(result, 'ats/s', 'DOWNSTREAM')).toEqual([
      { from: 'web/b', to: 'model/b', kind: 'FLOW', via: 'to-model' },
      { from: 'model/b', to: 'model/s', kind: 'DERIVATION', via: 'scoring' },
      { from: 'model/s', to: 'ats/s', kind: 'FLOW', via: 'score-out' },
    ]);
    expect(chainTo(result, 'model/b', 'DOWNSTREAM')).toEqual([{ from: 'web/b', to: 'model/b', kind: 'FLOW', via: 'to-model' }]);
  });

  it('upstream: the steps from the asset found to the start, in the order the data moves', async () => {
    const { result } = await walk(specs, ['ats/s'], LOOSE, { direction: 'UPSTREAM' });
    expect(chainTo(result, 'web/b', 'UPSTREAM')).toEqual([
      { from: 'web/b', to: 'model/b', kind: 'FLOW', via: 'to-model' },
      { from: 'model/b', to: 'model/s', kind: 'DERIVATION', via: 'scoring' },
      { from: 'model/s', to: 'ats/s', kind: 'FLOW', via: 'score-out' },
    ]);
  });

  it('is empty for a start and for an asset the walk did not visit', async () => {
    const { result } = await walk(specs, ['web/b']);
    expect(chainTo(result, 'web/b', 'DOWNSTREAM')).toEqual([]);
    expect(chainTo(result, 'nowhere/x', 'DOWNSTREAM')).toEqual([]);
  });

  it('follows the first way an asset was reached in a diamond, and stays shortest', async () => {
    const { result } = await walk(['a/c>b/c:ab', 'a/c>c/c:ac', 'b/c>d/c:bd', 'c/c>d/c:cd', 'a/c>x/c:ax', 'x/c>y/c:xy', 'y/c>d/c:yd'], ['a/c']);
    expect(chainTo(result, 'd/c', 'DOWNSTREAM').map((e) => e.via)).toEqual(['ab', 'bd']);
  });

  it('terminates in a cycle', async () => {
    const { result } = await walk(['a/c>b/c:ab', 'b/c>c/c:bc', 'c/c>a/c:ca'], ['a/c']);
    expect(chainTo(result, 'c/c', 'DOWNSTREAM').map((e) => e.via)).toEqual(['ab', 'bc']);
  });
});

describe('systemsOf', () => {
  const chain = (...specs: string[]) => specs.map(edge);

  it('lists the systems a chain passes through, a derivation staying in one system', () => {
    expect(systemsOf(chain('web/b>model/b:to-model', 'model/b>model/s:scoring:D', 'model/s>model/t:refine:D', 'model/t>ats/t:out'), systemOfAsset)).toEqual(['web', 'model', 'ats']);
  });

  it('lists a system again when the data comes back to it after another one', () => {
    expect(systemsOf(chain('a/c>b/c:out', 'b/c>a/c:back'), systemOfAsset)).toEqual(['a', 'b', 'a']);
  });

  it('names the one system of a chain made only of derivations', () => {
    expect(systemsOf(chain('m/x>m/y:d1:D', 'm/y>m/z:d2:D'), systemOfAsset)).toEqual(['m']);
  });

  it('is empty for an empty chain', () => {
    expect(systemsOf([], systemOfAsset)).toEqual([]);
  });

  it('uses the systemOf callback it is given', () => {
    expect(systemsOf(chain('a/c>b/c:f'), (asset) => asset.toUpperCase())).toEqual(['A/C', 'B/C']);
  });
});

describe('asset ids', () => {
  it('split into system and category at the first slash', () => {
    expect(systemOfAsset('site-web/browsing')).toBe('site-web');
    expect(categoryOfAsset('site-web/browsing')).toBe('browsing');
  });
});
