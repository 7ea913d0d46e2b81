import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { MapDirectoryService } from '@tadoru/catalog';
import { Neo4jService } from '@tadoru/graph';
import { DataMap, Flow, serializeMap } from '@tadoru/map';
import { applyScopedFindings, ChangeScopeService, FindingsService, RuleEngine } from '@tadoru/rules';
import { MapStoreService } from '@tadoru/store';
import { createTestContext, uniqueMapName } from '../support/test-database';

function example(file: string): DataMap {
  return yaml.load(readFileSync(join(__dirname, '../../examples', file), 'utf8'), { schema: yaml.CORE_SCHEMA }) as DataMap;
}

/** Every `step`-th flow, so each map contributes flows from all of its parts. */
function sample(flows: Flow[], count: number): Flow[] {
  const step = Math.max(1, Math.floor(flows.length / count));
  return flows.filter((_, i) => i % step === 0).slice(0, count);
}

/**
 * Re-evaluating only what an added flow can affect must give exactly the findings of a full scan:
 * each case stores a map without one of its flows, scans it, adds the flow back, evaluates the scope
 * of the change, and compares with a full scan of the map with the flow.
 */
describe('scoped re-evaluation after adding a flow (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let maps: MapStoreService;
  let engine: RuleEngine;
  let scopes: ChangeScopeService;
  let directory: MapDirectoryService;
  let db: Neo4jService;

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    engine = ctx.get(RuleEngine);
    scopes = ctx.get(ChangeScopeService);
    directory = ctx.get(MapDirectoryService);
    db = ctx.get(Neo4jService);
  });

  const scopeOf = async (name: string, flowIds: string[]) => {
    const map = await directory.pin(name);
    return db.readMap(map, 'test.scope', (s) => scopes.ofAddedFlows(s, flowIds));
  };
  afterAll(() => ctx.close());

  const cases = [
    ...sample(example('rikunabi-2019.yaml').flows ?? [], 6).map((f) => ['rikunabi-2019.yaml', f.id]),
    ...sample(example('persol-group.yaml').flows ?? [], 4).map((f) => ['persol-group.yaml', f.id]),
    ...sample(example('wantedly.yaml').flows ?? [], 4).map((f) => ['wantedly.yaml', f.id]),
  ];

  it.each(cases)('%s: adding %s', async (file, flowId) => {
    const full = example(file);
    const name = uniqueMapName('scoped');
    const without = { ...full, map: name, flows: full.flows!.filter((f) => f.id !== flowId) };
    await maps.importMap([{ name: 'map.yaml', text: serializeMap(without) }]);
    const before = await engine.evaluate(await directory.pin(name));

    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...full, map: name }) }]);
    const scope = await scopeOf(name, [flowId]);
    expect(scope.targets).not.toBeNull();
    const scoped = await engine.evaluate(await directory.pin(name), { targets: scope.targets });
    const after = await engine.evaluate(await directory.pin(name));

    expect(applyScopedFindings(before, scoped, scope)).toEqual(after);
    await maps.deleteMap(name);
  });

  it('names a flow that is not in the map', async () => {
    const name = uniqueMapName('scoped');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...example('wantedly.yaml'), map: name }) }]);
    await expect(scopeOf(name, ['no-such-flow'])).rejects.toThrow('flow "no-such-flow" not found');
  });

  /*
   * The same change as a write: the flow is added to the stored map in place, and the findings it
   * can change are evaluated again in the same transaction. The stored findings of the new version
   * must equal a full evaluation of it, and the map must equal one imported with the flow.
   */
  it.each(cases)('%s: adding %s in place keeps the stored findings equal to a full evaluation', async (file, flowId) => {
    const full = example(file);
    const name = uniqueMapName('added');
    const added = full.flows!.find((f) => f.id === flowId)!;
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...full, map: name, flows: full.flows!.filter((f) => f.id !== flowId) }) }]);
    const before = await directory.pin(name);

    const result = await maps.addFlows(name, [added]);
    expect(result.map.version).toBe(before.version + 1);
    expect(result.evaluatedTargets).not.toBeNull();
    const stored = await ctx.get(FindingsService).all(result.map);
    expect(stored).toEqual(await engine.evaluate(result.map));

    // the same findings as the map imported with the flow where the map lists it (paths may differ
    // where walks break ties by map order, and the added flow comes last)
    const reference = uniqueMapName('reference');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...full, map: reference }) }]);
    const essence = (fs: Awaited<ReturnType<RuleEngine['evaluate']>>) => fs.map((f) => ({ id: f.id, affectedPeople: f.affectedPeople }));
    expect(essence(stored)).toEqual(essence(await ctx.get(FindingsService).all(await directory.pin(reference))));
    await maps.deleteMap(name);
    await maps.deleteMap(reference);
  });

  it('refuses a flow that does not fit the stored map, naming each field, and writes nothing', async () => {
    const name = uniqueMapName('added');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...example('wantedly.yaml'), map: name }) }]);
    const before = await directory.pin(name);
    const existing = example('wantedly.yaml').flows![0];
    const error = await maps
      .addFlows(name, [
        { ...existing },
        { id: 'new-one', from: 'nowhere', to: existing.to, dataCategories: ['no-such-category'], purposes: ['no-such-purpose'], basis: 'CONSENT', notice: 'no-such-notice' },
      ])
      .catch((e: unknown) => e);
    expect((error as { problems: Array<{ path: string; message: string }> }).problems).toEqual([
      { path: 'flows[0].id', message: `the map already has a flow "${existing.id}"` },
      { path: 'flows[1].from', message: 'unknown system "nowhere"' },
      { path: 'flows[1].dataCategories[0]', message: 'unknown data category "no-such-category"' },
      { path: 'flows[1].purposes[0]', message: 'unknown purpose "no-such-purpose"' },
      { path: 'flows[1].notice', message: 'unknown notice "no-such-notice"' },
    ]);
    expect((await directory.pin(name)).version).toBe(before.version);
  });
});
