import { INestApplicationContext } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '@tadoru/common';
import { FeedEdge, LineageRequest, LineageResult, LineageService } from '@tadoru/lineage';
import { Collection, DataMap, Derivation, Flow, serializeMap, System } from '@tadoru/map';
import { MapDirectoryService } from '@tadoru/catalog';
import { MapStoreService } from '@tadoru/store';
import { baseMap } from '../support/rule-harness';
import { createTestContext, uniqueMapName } from '../support/test-database';

/** A flow carrying `categories` from one system to another; only what lineage reads matters. */
function flow(id: string, from: string, to: string, categories: string[], extra: Partial<Flow> = {}): Flow {
  return { id, from, to, dataCategories: categories, basis: 'INTERNAL', ...extra };
}

function derivation(id: string, system: string, inputs: string[], outputs: string[], extra: Partial<Derivation> = {}): Derivation {
  return { id, system, inputs, outputs, ...extra };
}

function collection(id: string, categories: string[]): Collection {
  return { id, dataCategories: categories, method: 'AUTOMATIC' };
}

/** baseMap's systems, with collections added to some of them. */
function systemsCollecting(collections: Record<string, Collection[]>, extra: System[] = []): System[] {
  const base = baseMap().systems!.map((s) => (collections[s.id] ? { ...s, collections: collections[s.id] } : s));
  return [...base, ...extra];
}

const MODEL: System = { id: 'model', name: 'Scoring model', operator: 'site' };

/**
 * The Rikunabi shape: browsing history collected at the job site, sent to a model system, turned
 * into a score there, and the score sent to an employer.
 */
function chainMap(extra: { flows?: Flow[]; derivations?: Derivation[] } = {}): DataMap {
  return {
    ...baseMap(),
    systems: systemsCollecting({ 'site-web': [collection('site-tracking', ['browsing'])] }, [MODEL]),
    flows: [flow('to-model', 'site-web', 'model', ['browsing']), flow('score-out', 'model', 'employer-ats', ['score'], { basis: 'CONSENT' }), ...(extra.flows ?? [])],
    derivations: [derivation('decline-model', 'model', ['browsing'], ['score']), ...(extra.derivations ?? [])],
  };
}

const step = (from: string, to: string, via: string, kind: 'FLOW' | 'DERIVATION' = 'FLOW'): FeedEdge => ({ from, to, kind, via });

/** The nodes of an answer as `asset@depth`, in the order the service lists them. */
function nodesOf(result: LineageResult): string[] {
  return result.nodes.map((n) => `${n.asset}@${n.depth}`);
}

function reachedVia(result: LineageResult, asset: string): FeedEdge[] {
  const node = result.nodes.find((n) => n.asset === asset);
  if (!node) throw new Error(`${asset} is not in the answer: ${nodesOf(result).join(', ')}`);
  return node.reachedVia;
}

describe('lineage (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let maps: MapStoreService;
  let lineage: LineageService;
  let directory: MapDirectoryService;

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    lineage = ctx.get(LineageService);
    directory = ctx.get(MapDirectoryService);
  });
  afterAll(() => ctx.close());

  /** A question of the map named `map`, at its current version (as the API pins it). */
  async function askOf(request: Omit<LineageRequest, 'map'> & { map: string }): Promise<LineageResult> {
    return lineage.lineage({ ...request, map: await directory.pin(request.map) });
  }

  /** The error a question is refused with (fails the test when it is answered). */
  async function errorOf(request: Omit<LineageRequest, 'map'> & { map: string }): Promise<unknown> {
    return askOf(request).then(
      () => {
        throw new Error('expected the question to be refused');
      },
      (error: unknown) => error,
    );
  }

  /** Imports the map (once per content) under a fresh name; returns a function asking lineage questions of it. */
  const loaded = new Map<string, ReturnType<typeof importMap>>();
  function load(map: DataMap): ReturnType<typeof importMap> {
    // the same map content is imported once (questions never write), which keeps the suite quick
    const key = serializeMap(map);
    if (!loaded.has(key)) loaded.set(key, importMap(map));
    return loaded.get(key)!;
  }

  /** Imports the map under a fresh name, every time. */
  async function importMap(map: DataMap): Promise<{ name: string; ask: (request: Omit<LineageRequest, 'map'>) => Promise<LineageResult> }> {
    const name = uniqueMapName('lineage');
    await maps.importMap([{ name: 'x.yaml', text: serializeMap({ ...map, map: name }) }]);
    return { name, ask: (request) => askOf({ map: name, ...request }) };
  }

  describe('a derivation chain (collection → flow → derivation → flow)', () => {
    it('downstream from the category reaches the employer’s score, naming each step', async () => {
      const { name, ask } = await load(chainMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM' });
      expect(result).toMatchObject({ map: name, direction: 'DOWNSTREAM', asOf: null, maxDepth: 10, maxNodes: 1000, partial: false, cutBy: [] });
      expect(result.nodes).toEqual([
        { asset: 'site-web/browsing', system: 'site-web', category: 'browsing', depth: 0, reachedVia: [] },
        { asset: 'model/browsing', system: 'model', category: 'browsing', depth: 1, reachedVia: [step('site-web/browsing', 'model/browsing', 'to-model')] },
        { asset: 'model/score', system: 'model', category: 'score', depth: 2, reachedVia: [step('model/browsing', 'model/score', 'decline-model', 'DERIVATION')] },
        { asset: 'employer-ats/score', system: 'employer-ats', category: 'score', depth: 3, reachedVia: [step('model/score', 'employer-ats/score', 'score-out')] },
      ]);
    });

    it('upstream from the employer’s score finds the collection site, edges oriented as the data moves', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'UPSTREAM' });
      expect(result).toMatchObject({ direction: 'UPSTREAM', partial: false, cutBy: [] });
      expect(result.nodes).toEqual([
        { asset: 'employer-ats/score', system: 'employer-ats', category: 'score', depth: 0, reachedVia: [] },
        { asset: 'model/score', system: 'model', category: 'score', depth: 1, reachedVia: [step('model/score', 'employer-ats/score', 'score-out')] },
        { asset: 'model/browsing', system: 'model', category: 'browsing', depth: 2, reachedVia: [step('model/browsing', 'model/score', 'decline-model', 'DERIVATION')] },
        { asset: 'site-web/browsing', system: 'site-web', category: 'browsing', depth: 3, reachedVia: [step('site-web/browsing', 'model/browsing', 'to-model')] },
      ]);
    });

    it('downstream from a derived category starts where it is derived', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'score' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(result)).toEqual(['model/score@0', 'employer-ats/score@1']);
    });

    it('lists nothing past the end of the data', async () => {
      const { ask } = await load(chainMap());
      const down = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'DOWNSTREAM' });
      expect(down).toMatchObject({ partial: false, cutBy: [] });
      expect(nodesOf(down)).toEqual(['employer-ats/score@0']);
      const up = await ask({ from: { category: 'browsing', system: 'site-web' }, direction: 'UPSTREAM' });
      expect(nodesOf(up)).toEqual(['site-web/browsing@0']);
    });
  });

  describe('diamonds', () => {
    function diamondMap(extraFlows: Flow[] = []): DataMap {
      return {
        ...baseMap(),
        systems: systemsCollecting({ 'site-web': [collection('signup', ['name'])] }),
        flows: [
          flow('d1-web-db', 'site-web', 'site-db', ['name']),
          flow('d2-web-sister', 'site-web', 'sister-app', ['name'], { basis: 'SHARED_USE' }),
          flow('d3-db-ats', 'site-db', 'employer-ats', ['name'], { basis: 'CONSENT' }),
          flow('d4-sister-ats', 'sister-app', 'employer-ats', ['name'], { basis: 'CONSENT' }),
          ...extraFlows,
        ],
      };
    }

    it('an asset reached two ways at the same depth is listed once and names both ways', async () => {
      const { ask } = await load(diamondMap());
      const result = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(result)).toEqual(['site-web/name@0', 'sister-app/name@1', 'site-db/name@1', 'employer-ats/name@2']);
      expect(reachedVia(result, 'employer-ats/name')).toEqual([step('site-db/name', 'employer-ats/name', 'd3-db-ats'), step('sister-app/name', 'employer-ats/name', 'd4-sister-ats')]);
      expect(result.partial).toBe(false);
    });

    it('upstream, the collection site reached two ways names both', async () => {
      const { ask } = await load(diamondMap());
      const result = await ask({ from: { category: 'name', system: 'employer-ats' }, direction: 'UPSTREAM' });
      expect(nodesOf(result)).toEqual(['employer-ats/name@0', 'sister-app/name@1', 'site-db/name@1', 'site-web/name@2']);
      expect(reachedVia(result, 'site-web/name')).toEqual([step('site-web/name', 'site-db/name', 'd1-web-db'), step('site-web/name', 'sister-app/name', 'd2-web-sister')]);
    });

    it('an asset reached at different depths records only the shortest way', async () => {
      const { ask } = await load(diamondMap([flow('d5-direct', 'site-web', 'employer-ats', ['name'], { basis: 'CONSENT' })]));
      const result = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(result)).toEqual(['site-web/name@0', 'employer-ats/name@1', 'sister-app/name@1', 'site-db/name@1']);
      expect(reachedVia(result, 'employer-ats/name')).toEqual([step('site-web/name', 'employer-ats/name', 'd5-direct')]);
    });
  });

  describe('cycles', () => {
    it('A→B→A flows terminate with each asset once, both directions', async () => {
      const map: DataMap = {
        ...baseMap(),
        systems: systemsCollecting({ 'site-web': [collection('signup', ['name'])] }),
        flows: [flow('out', 'site-web', 'site-db', ['name']), flow('back', 'site-db', 'site-web', ['name'])],
      };
      const { ask } = await load(map);
      const down = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM' });
      expect(down.nodes).toEqual([
        { asset: 'site-web/name', system: 'site-web', category: 'name', depth: 0, reachedVia: [] },
        { asset: 'site-db/name', system: 'site-db', category: 'name', depth: 1, reachedVia: [step('site-web/name', 'site-db/name', 'out')] },
      ]);
      expect(down).toMatchObject({ partial: false, cutBy: [] });

      const up = await ask({ from: { category: 'name', system: 'site-web' }, direction: 'UPSTREAM' });
      expect(up.nodes).toEqual([
        { asset: 'site-web/name', system: 'site-web', category: 'name', depth: 0, reachedVia: [] },
        { asset: 'site-db/name', system: 'site-db', category: 'name', depth: 1, reachedVia: [step('site-db/name', 'site-web/name', 'back')] },
      ]);
      expect(up).toMatchObject({ partial: false, cutBy: [] });
    });

    it('a longer cycle through derivations and flows terminates, and is not cut by a maxDepth it fits in', async () => {
      // name → (flow) model → derivation name→score → (flow) back to site-web as score → derivation score→name
      const map: DataMap = {
        ...baseMap(),
        systems: systemsCollecting({ 'site-web': [collection('signup', ['name'])] }, [MODEL]),
        flows: [flow('to-model', 'site-web', 'model', ['name']), flow('score-back', 'model', 'site-web', ['score'])],
        derivations: [derivation('score-it', 'model', ['name'], ['score']), derivation('name-it', 'site-web', ['score'], ['name'])],
      };
      const { ask } = await load(map);
      const result = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(result)).toEqual(['site-web/name@0', 'model/name@1', 'model/score@2', 'site-web/score@3']);
      expect(result).toMatchObject({ partial: false, cutBy: [] });
      // the graph ends at depth 3 (the step back to site-web/name is to a visited asset): not cut
      const exact = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM', maxDepth: 3 });
      expect(nodesOf(exact)).toEqual(nodesOf(result));
      expect(exact).toMatchObject({ partial: false, cutBy: [] });
    });
  });

  describe('derivations with several inputs and outputs', () => {
    const map = (): DataMap => ({
      ...baseMap(),
      systems: systemsCollecting({ 'site-web': [collection('signup', ['name', 'browsing', 'cookie'])] }, [MODEL]),
      flows: [flow('to-model', 'site-web', 'model', ['name', 'browsing']), flow('score-out', 'model', 'employer-ats', ['score'], { basis: 'CONSENT' })],
      derivations: [derivation('decline-model', 'model', ['name', 'browsing'], ['score', 'stats'])],
    });

    it('downstream from one input reaches every output, through that input only', async () => {
      const { ask } = await load(map());
      const result = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(result)).toEqual(['site-web/name@0', 'model/name@1', 'model/score@2', 'model/stats@2', 'employer-ats/score@3']);
      expect(reachedVia(result, 'model/score')).toEqual([step('model/name', 'model/score', 'decline-model', 'DERIVATION')]);
      expect(reachedVia(result, 'model/stats')).toEqual([step('model/name', 'model/stats', 'decline-model', 'DERIVATION')]);
      // the cookie is collected but goes nowhere: not in a walk from the name
      expect(result.nodes.some((n) => n.category === 'cookie' || n.category === 'browsing')).toBe(false);
    });

    it('upstream from an output finds every input and where each was collected', async () => {
      const { ask } = await load(map());
      const result = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'UPSTREAM' });
      expect(nodesOf(result)).toEqual(['employer-ats/score@0', 'model/score@1', 'model/browsing@2', 'model/name@2', 'site-web/browsing@3', 'site-web/name@3']);
      expect(reachedVia(result, 'model/name')).toEqual([step('model/name', 'model/score', 'decline-model', 'DERIVATION')]);
      expect(reachedVia(result, 'model/browsing')).toEqual([step('model/browsing', 'model/score', 'decline-model', 'DERIVATION')]);
      expect(reachedVia(result, 'site-web/name')).toEqual([step('site-web/name', 'model/name', 'to-model')]);
    });

    it('upstream from a derived category at its system stops at the inputs’ sources, not at siblings', async () => {
      const { ask } = await load(map());
      const result = await ask({ from: { category: 'stats' }, direction: 'UPSTREAM' });
      expect(nodesOf(result)).toEqual(['model/stats@0', 'model/browsing@1', 'model/name@1', 'site-web/browsing@2', 'site-web/name@2']);
    });
  });

  describe('where a question starts', () => {
    /**
     * `name` is collected at site-web and at site-db (which is also fed from site-web); `score` is
     * derived at model (which is also fed from sister-app, where nothing produces it) and arrives
     * at the employer both from model and from vendor-box (mapped as a source of nothing).
     */
    const startsMap = (): DataMap => ({
      ...baseMap(),
      systems: systemsCollecting({ 'site-web': [collection('signup', ['name'])], 'site-db': [collection('db-form', ['name'])] }, [MODEL]),
      flows: [
        flow('web-db', 'site-web', 'site-db', ['name']),
        flow('db-model', 'site-db', 'model', ['name']),
        flow('sister-model', 'sister-app', 'model', ['score'], { basis: 'SHARED_USE' }),
        flow('model-ats', 'model', 'employer-ats', ['score'], { basis: 'CONSENT' }),
        flow('vendor-ats', 'vendor-box', 'employer-ats', ['score'], { basis: 'CONSENT' }),
      ],
      derivations: [derivation('decline-model', 'model', ['name'], ['score'])],
    });

    it('by category, downstream starts only at origins: collected, derived, or fed by nothing', async () => {
      const { ask } = await load(startsMap());
      const score = await ask({ from: { category: 'score' }, direction: 'DOWNSTREAM' });
      // model/score is derived (an origin although it is fed); sister-app and vendor-box are fed by nothing
      expect(nodesOf(score)).toEqual(['model/score@0', 'sister-app/score@0', 'vendor-box/score@0', 'employer-ats/score@1']);
      expect(reachedVia(score, 'employer-ats/score')).toEqual([step('model/score', 'employer-ats/score', 'model-ats'), step('vendor-box/score', 'employer-ats/score', 'vendor-ats')]);
      expect(reachedVia(score, 'model/score')).toEqual([]);

      const name = await ask({ from: { category: 'name' }, direction: 'DOWNSTREAM' });
      // site-db collects the name itself (an origin although it is fed); model/name is only fed
      expect(nodesOf(name)).toEqual(['site-db/name@0', 'site-web/name@0', 'model/name@1', 'model/score@2', 'employer-ats/score@3']);
    });

    it('by category, upstream starts at every asset of the category', async () => {
      const { ask } = await load(startsMap());
      const result = await ask({ from: { category: 'score' }, direction: 'UPSTREAM' });
      expect(nodesOf(result)).toEqual([
        'employer-ats/score@0',
        'model/score@0',
        'sister-app/score@0',
        'vendor-box/score@0',
        'model/name@1',
        'site-db/name@2',
        'site-web/name@3',
      ]);
    });

    it('by system, starts at everything the system holds', async () => {
      const { ask } = await load(startsMap());
      const down = await ask({ from: { system: 'model' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(down)).toEqual(['model/name@0', 'model/score@0', 'employer-ats/score@1']);
      expect(reachedVia(down, 'model/score')).toEqual([]);
      const up = await ask({ from: { system: 'model' }, direction: 'UPSTREAM' });
      expect(nodesOf(up)).toEqual(['model/name@0', 'model/score@0', 'sister-app/score@1', 'site-db/name@1', 'site-web/name@2']);
    });

    it('by category at a system, starts there even when it is not an origin', async () => {
      const { ask } = await load(startsMap());
      const down = await ask({ from: { category: 'name', system: 'model' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(down)).toEqual(['model/name@0', 'model/score@1', 'employer-ats/score@2']);
      const up = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'UPSTREAM' });
      expect(nodesOf(up)).toEqual(['employer-ats/score@0', 'model/score@1', 'vendor-box/score@1', 'model/name@2', 'sister-app/score@2', 'site-db/name@3', 'site-web/name@4']);
    });

    it('by category at a system that does not have it, lists nothing', async () => {
      const { ask } = await load(startsMap());
      const result = await ask({ from: { category: 'health', system: 'model' }, direction: 'DOWNSTREAM' });
      expect(result).toMatchObject({ nodes: [], partial: false, cutBy: [] });
    });
  });

  describe('bounds', () => {
    it('maxDepth cuts when something lies beyond, and says so', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: 2 });
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'model/browsing@1', 'model/score@2']);
      expect(result).toMatchObject({ maxDepth: 2, partial: true, cutBy: ['maxDepth'] });
      const one = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'UPSTREAM', maxDepth: 1 });
      expect(nodesOf(one)).toEqual(['employer-ats/score@0', 'model/score@1']);
      expect(one).toMatchObject({ partial: true, cutBy: ['maxDepth'] });
    });

    it('maxDepth does not cut when the data ends exactly at it', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: 3 });
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'model/browsing@1', 'model/score@2', 'employer-ats/score@3']);
      expect(result).toMatchObject({ maxDepth: 3, partial: false, cutBy: [] });
    });

    it('maxNodes cuts the answer at that many assets, and says so', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxNodes: 3 });
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'model/browsing@1', 'model/score@2']);
      expect(result).toMatchObject({ maxNodes: 3, partial: true, cutBy: ['maxNodes'] });
      const one = await ask({ from: { system: 'model' }, direction: 'DOWNSTREAM', maxNodes: 1 });
      expect(one.nodes).toHaveLength(1);
      expect(one).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
    });

    it('maxNodes does not cut when the answer has exactly that many assets', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxNodes: 4 });
      expect(result.nodes).toHaveLength(4);
      expect(result).toMatchObject({ maxNodes: 4, partial: false, cutBy: [] });
    });

    it('both bounds can cut one answer', async () => {
      const { ask } = await load(chainMap({ flows: [flow('to-db', 'site-web', 'site-db', ['browsing']), flow('to-sister', 'site-web', 'sister-app', ['browsing'], { basis: 'SHARED_USE' })] }));
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: 1, maxNodes: 3 });
      // to-sister is site-web's last step (by map position and by id): its asset does not fit
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'model/browsing@1', 'site-db/browsing@1']);
      expect(result.partial).toBe(true);
      expect([...result.cutBy].sort()).toEqual(['maxDepth', 'maxNodes']);
    });

    it('takes the defaults for bounds given as null', async () => {
      const { ask } = await load(chainMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: null, maxNodes: null, asOf: null });
      expect(result).toMatchObject({ maxDepth: 10, maxNodes: 1000, asOf: null, partial: false, cutBy: [] });
      expect(result.nodes).toHaveLength(4);
    });

    // The look one level past maxDepth must not apply the per-level row budget: many parallel flows
    // just beyond the depth limit cut nothing by node count (the whole map has 3 assets, maxNodes is 3).
    it('a hub just beyond maxDepth is cut by maxDepth only', async () => {
      const parallel = Array.from({ length: 15 }, (_, i) => flow(`hub-${String(i).padStart(2, '0')}`, 'model', 'employer-ats', ['browsing'], { basis: 'CONSENT' }));
      const map: DataMap = { ...chainMap(), flows: [flow('to-model', 'site-web', 'model', ['browsing']), ...parallel], derivations: [] };
      const { ask } = await load(map);
      // with room for it, the whole map fits in maxNodes
      expect(nodesOf(await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxNodes: 3 }))).toEqual(['site-web/browsing@0', 'model/browsing@1', 'employer-ats/browsing@2']);
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: 1, maxNodes: 3 });
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'model/browsing@1']);
      expect(result).toMatchObject({ partial: true, cutBy: ['maxDepth'] });
    });

    it('accepts the extreme bounds', async () => {
      const { ask } = await load(chainMap());
      const low = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: 1, maxNodes: 1 });
      expect(nodesOf(low)).toEqual(['site-web/browsing@0']);
      expect(low).toMatchObject({ partial: true, cutBy: ['maxNodes'] });
      const high = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', maxDepth: 50, maxNodes: 10_000 });
      expect(high.nodes).toHaveLength(4);
      expect(high).toMatchObject({ maxDepth: 50, maxNodes: 10_000, partial: false, cutBy: [] });
    });
  });

  describe('asOf', () => {
    // to-model runs 2019-03-01..2019-07-31; the model runs 2019-04-01..2019-06-30; score-out always
    const datedMap = (): DataMap => ({
      ...chainMap(),
        flows: [
          flow('to-model', 'site-web', 'model', ['browsing'], { validFrom: '2019-03-01', validTo: '2019-07-31' }),
          flow('score-out', 'model', 'employer-ats', ['score'], { basis: 'CONSENT' }),
        ],
      derivations: [derivation('decline-model', 'model', ['browsing'], ['score'], { validFrom: '2019-04-01', validTo: '2019-06-30' })],
    });

    it.each([
      ['2019-03-01', ['site-web/browsing@0', 'model/browsing@1']],
      ['2019-03-31', ['site-web/browsing@0', 'model/browsing@1']],
      ['2019-04-01', ['site-web/browsing@0', 'model/browsing@1', 'model/score@2', 'employer-ats/score@3']],
      ['2019-06-30', ['site-web/browsing@0', 'model/browsing@1', 'model/score@2', 'employer-ats/score@3']],
      ['2019-07-01', ['site-web/browsing@0', 'model/browsing@1']],
      ['2019-07-31', ['site-web/browsing@0', 'model/browsing@1']],
    ])('downstream as of %s follows only flows and derivations valid that day (bounds inclusive)', async (asOf, expected) => {
      const { ask } = await load(datedMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', asOf });
      expect(nodesOf(result)).toEqual(expected);
      expect(result).toMatchObject({ asOf, partial: false, cutBy: [] });
    });

    // An asset whose only ways in are flows or derivations not valid that day is not an origin that day:
    // the category does not reach it.
    it.each([
      ['browsing', '2019-02-28', ['site-web/browsing@0']], // before to-model starts: model/browsing is listed @0
      ['browsing', '2019-08-01', ['site-web/browsing@0']], // after to-model ends: model/browsing is listed @0
      ['score', '2019-03-15', []], // before the model runs: model/score@0 and employer-ats/score@1 are listed
    ])('downstream from %s as of %s does not start where the category only arrives outside that day', async (category, asOf, expected) => {
      const { ask } = await load(datedMap());
      const result = await ask({ from: { category }, direction: 'DOWNSTREAM', asOf });
      expect(nodesOf(result)).toEqual(expected);
      expect(result).toMatchObject({ asOf, partial: false, cutBy: [] });
    });

    it('without asOf, follows every flow and derivation whatever its dates', async () => {
      const { ask } = await load(datedMap());
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'model/browsing@1', 'model/score@2', 'employer-ats/score@3']);
    });

    it('upstream as of a date leaves out what was not running that day', async () => {
      const { ask } = await load(datedMap());
      const running = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'UPSTREAM', asOf: '2019-05-15' });
      expect(nodesOf(running)).toEqual(['employer-ats/score@0', 'model/score@1', 'model/browsing@2', 'site-web/browsing@3']);
      const modelStopped = await ask({ from: { category: 'score', system: 'employer-ats' }, direction: 'UPSTREAM', asOf: '2019-07-15' });
      expect(nodesOf(modelStopped)).toEqual(['employer-ats/score@0', 'model/score@1']);
    });

    it('a flow that existed that day through another route still counts', async () => {
      // a second, undated route site-web → site-db → model keeps the model fed after to-model ends
      const map = datedMap();
      map.flows = [...map.flows!, flow('to-db', 'site-web', 'site-db', ['browsing']), flow('db-model', 'site-db', 'model', ['browsing'], { validTo: '2019-12-31' })];
      const { ask } = await load(map);
      const result = await ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM', asOf: '2019-08-01' });
      expect(nodesOf(result)).toEqual(['site-web/browsing@0', 'site-db/browsing@1', 'model/browsing@2']);
      expect(reachedVia(result, 'model/browsing')).toEqual([step('site-db/browsing', 'model/browsing', 'db-model')]);
      // upstream from the model that day finds only the route that was running
      const up = await ask({ from: { category: 'browsing', system: 'model' }, direction: 'UPSTREAM', asOf: '2020-01-01' });
      expect(nodesOf(up)).toEqual(['model/browsing@0']);
      const upBefore = await ask({ from: { category: 'browsing', system: 'model' }, direction: 'UPSTREAM', asOf: '2019-12-31' });
      expect(nodesOf(upBefore)).toEqual(['model/browsing@0', 'site-db/browsing@1', 'site-web/browsing@2']);
    });
  });

  describe('errors', () => {

    let name: string;
    beforeAll(async () => {
      name = (await load(chainMap())).name;
    });

    it('an unknown map is NOT_FOUND', async () => {
      const error = await errorOf({ map: uniqueMapName('missing'), from: { category: 'browsing' }, direction: 'DOWNSTREAM' });
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ code: 'NOT_FOUND', entity: 'map', field: 'map' });
    });

    it('an unknown category is NOT_FOUND naming from.category', async () => {
      const error = await errorOf({ map: name, from: { category: 'no-such-category' }, direction: 'DOWNSTREAM' });
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ code: 'NOT_FOUND', entity: 'data category', id: 'no-such-category', field: 'from.category' });
    });

    it('an unknown system is NOT_FOUND naming from.system, alone or with a known category', async () => {
      for (const from of [{ system: 'no-such-system' }, { category: 'browsing', system: 'no-such-system' }]) {
        const error = await errorOf({ map: name, from, direction: 'UPSTREAM' });
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toMatchObject({ code: 'NOT_FOUND', entity: 'system', id: 'no-such-system', field: 'from.system' });
      }
    });

    it('an id of another kind is not taken for a category or a system', async () => {
      // `site` is an organization, `student` a subject, `matching` a purpose
      expect(await errorOf({ map: name, from: { category: 'student' }, direction: 'DOWNSTREAM' })).toMatchObject({ field: 'from.category' });
      expect(await errorOf({ map: name, from: { system: 'site' }, direction: 'DOWNSTREAM' })).toMatchObject({ field: 'from.system' });
      expect(await errorOf({ map: name, from: { system: 'matching' }, direction: 'DOWNSTREAM' })).toMatchObject({ field: 'from.system' });
    });

    it.each([{}, { category: null, system: null }, { category: '', system: '' }])('no category and no system (%p) is BAD_USER_INPUT at from', async (from) => {
      const error = await errorOf({ map: name, from, direction: 'DOWNSTREAM' });
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems.map((p) => p.path)).toEqual(['from']);
      expect((error as InvalidInputError).code).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['maxDepth', { maxDepth: 0 }],
      ['maxDepth', { maxDepth: 51 }],
      ['maxDepth', { maxDepth: -1 }],
      ['maxDepth', { maxDepth: 2.5 }],
      ['maxNodes', { maxNodes: 0 }],
      ['maxNodes', { maxNodes: 10_001 }],
      ['maxNodes', { maxNodes: 1.5 }],
      ['asOf', { asOf: '2019-02-30' }],
      ['asOf', { asOf: '2019/03/01' }],
      ['asOf', { asOf: '2019-3-1' }],
      ['asOf', { asOf: 'yesterday' }],
      ['asOf', { asOf: '' }],
    ])('%s out of range (%p) is BAD_USER_INPUT naming the field', async (field, bounds) => {
      const error = await errorOf({ map: name, from: { category: 'browsing' }, direction: 'DOWNSTREAM', ...bounds });
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems.map((p) => p.path)).toEqual([field]);
    });

    it('reports every bad argument at once', async () => {
      const error = await errorOf({ map: name, from: {}, direction: 'DOWNSTREAM', maxDepth: 0, maxNodes: 10_001, asOf: 'soon' });
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).problems.map((p) => p.path).sort()).toEqual(['asOf', 'from', 'maxDepth', 'maxNodes']);
    });
  });

  describe('several maps in one database', () => {
    it('never sees another map’s assets, flows or ids', async () => {
      const mine = await importMap(chainMap());
      // the other map has the same ids plus a flow onward to a foreign app and a category of its own
      const other: DataMap = chainMap({ flows: [flow('leak', 'employer-ats', 'foreign-app', ['score'], { basis: 'CONSENT' })] });
      other.dataCategories = [...other.dataCategories!, { id: 'other-only', name: 'Only in the other map', subject: 'student', class: 'PERSONAL' }];
      other.systems = [...other.systems!, { id: 'other-system', name: 'Only in the other map', operator: 'site', collections: [collection('other-c', ['browsing'])] }];
      other.flows = [...other.flows!, flow('other-in', 'other-system', 'site-web', ['browsing'])];
      const theirs = await importMap(other);
      // the other map itself does have all that
      const theirDown = await theirs.ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(theirDown)).toEqual(['other-system/browsing@0', 'site-web/browsing@0', 'model/browsing@1', 'model/score@2', 'employer-ats/score@3', 'foreign-app/score@4']);

      const down = await mine.ask({ from: { category: 'browsing' }, direction: 'DOWNSTREAM' });
      expect(nodesOf(down)).toEqual(['site-web/browsing@0', 'model/browsing@1', 'model/score@2', 'employer-ats/score@3']);
      expect(down).toMatchObject({ map: mine.name, partial: false, cutBy: [] });
      const up = await mine.ask({ from: { system: 'site-web' }, direction: 'UPSTREAM' });
      expect(nodesOf(up)).toEqual(['site-web/browsing@0']);

      expect(await errorOf({ map: mine.name, from: { category: 'other-only' }, direction: 'DOWNSTREAM' })).toBeInstanceOf(NotFoundError);
      expect(await errorOf({ map: mine.name, from: { system: 'other-system' }, direction: 'DOWNSTREAM' })).toMatchObject({ field: 'from.system' });
    });
  });
});
