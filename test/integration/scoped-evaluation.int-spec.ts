import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { DataMap, Flow, serializeMap } from '@tadoru/map';
import { MapStoreService } from '@tadoru/store';
import { applyScopedFindings, ChangeScopeService, RuleEngine } from '@tadoru/rules';
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

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    engine = ctx.get(RuleEngine);
    scopes = ctx.get(ChangeScopeService);
  });
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
    const before = await engine.evaluate(name);

    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...full, map: name }) }]);
    const scope = await scopes.ofAddedFlows(name, [flowId]);
    expect(scope.targets).not.toBeNull();
    const scoped = await engine.evaluate(name, { targets: scope.targets });
    const after = await engine.evaluate(name);

    expect(applyScopedFindings(before, scoped, scope)).toEqual(after);
    await maps.deleteMap(name);
  });

  it('names a flow that is not in the map', async () => {
    const name = uniqueMapName('scoped');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...example('wantedly.yaml'), map: name }) }]);
    await expect(scopes.ofAddedFlows(name, ['no-such-flow'])).rejects.toThrow('flow "no-such-flow" not found');
  });
});
