import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MapDirectoryService, PinnedMap } from '@tadoru/catalog';
import { generateMap } from '@tadoru/generator';
import { Neo4jService } from '@tadoru/graph';
import { DataMap, loadMapSources, serializeMap } from '@tadoru/map';
import { Finding, FindingsService, RuleEngine } from '@tadoru/rules';
import { BulkMapImportService, MapStoreService, SINGLE_TRANSACTION_ROWS, StoreMaintenanceService } from '@tadoru/store';
import { createTestContext, uniqueMapName } from '../support/test-database';

const EXAMPLES = ['rikunabi-2019.yaml', 'persol-group.yaml', 'wantedly.yaml'];
const dir = mkdtempSync(join(tmpdir(), 'tadoru-stored-'));

function example(file: string): DataMap {
  const { map, problems } = loadMapSources([{ name: file, text: readFileSync(join(__dirname, '../../examples', file), 'utf8') }]);
  if (!map) throw new Error(problems.map((p) => p.message).join('\n'));
  return map;
}

/**
 * Findings are part of a map's stored state: every write evaluates them and stores them with the
 * version it makes. After each kind of write, the stored findings must equal a fresh evaluation of
 * every rule on that version, exactly (paths, messages, evidence and all).
 */
describe('stored findings after every kind of write (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let maps: MapStoreService;
  let directory: MapDirectoryService;
  let findings: FindingsService;
  let engine: RuleEngine;

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    directory = ctx.get(MapDirectoryService);
    findings = ctx.get(FindingsService);
    engine = ctx.get(RuleEngine);
  });
  afterAll(() => ctx.close());

  const stored = (map: PinnedMap): Promise<Finding[]> => findings.all(map);
  const fresh = (map: PinnedMap): Promise<Finding[]> => engine.evaluate(map);
  const expectCurrent = async (name: string): Promise<PinnedMap> => {
    const map = await directory.pin(name);
    expect(map.rulesDigest).not.toBeNull();
    const kept = await stored(map);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(await fresh(map));
    return map;
  };

  it.each(EXAMPLES)('%s: import, change, re-import streamed, add in place, delete', async (file) => {
    const map = example(file);
    const name = uniqueMapName('stored');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...map, map: name }) }]);
    const first = await expectCurrent(name);
    expect(first.version).toBe(1);

    // a changed map: one flow gone, one organization renamed
    const changed: DataMap = { ...map, map: name, flows: map.flows!.slice(1), organizations: map.organizations!.map((o, i) => (i === 0 ? { ...o, name: `${o.name} renamed` } : o)) };
    await maps.importMap([{ name: 'map.yaml', text: serializeMap(changed) }]);
    expect((await expectCurrent(name)).version).toBe(2);

    // the same content again is no new version
    expect(await maps.importMap([{ name: 'map.yaml', text: serializeMap(changed) }])).toMatchObject({ unchanged: true, map: { version: 2 } });

    // the whole map again, streamed in small batches beside the stored version
    const file2 = join(dir, `${name}.json`);
    writeFileSync(file2, serializeMap({ ...map, map: name }, 'json'));
    await ctx.get(BulkMapImportService).importFiles([file2], { rowsPerTransaction: 50 });
    expect((await expectCurrent(name)).version).toBe(3);

    // the flow added back in place, with only what it can change evaluated again
    const added = await maps.addFlows(name, [{ ...map.flows![0], id: `${map.flows![0].id}-again` }]);
    expect(added.map.version).toBe(4);
    await expectCurrent(name);

    // deleted: no version to read, and its findings go with it
    expect(await maps.deleteMap(name)).toEqual({ version: 5 });
    await expect(directory.pin(name)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a version whose findings were evaluated with another rule pack is evaluated again, in place, as the next version', async () => {
    const name = uniqueMapName('outdated');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...example('wantedly.yaml'), map: name }) }]);
    const before = await directory.pin(name);
    await ctx.get(Neo4jService).write('test.outdate', (q) => q.run('testing/outdate-findings', { storage: before.storage }));
    const outdated = await directory.pin(name);
    expect(outdated.rulesDigest).toBe('an-older-rule-pack');
    // meanwhile questions are answered by evaluating on demand, with the same answer
    expect(await stored(outdated)).toEqual(await fresh(before));
    expect(await ctx.get(StoreMaintenanceService).refreshOutdatedFindings()).toContain(name);
    const refreshed = await expectCurrent(name);
    expect(refreshed.version).toBe(before.version + 1);
  });

  it('a generated map larger than one transaction is written in batches, with exactly its planted findings', async () => {
    const out = join(dir, 'generated.json');
    const truthOut = join(dir, 'generated.truth.json');
    const name = uniqueMapName('generated');
    const generated = await generateMap({ scale: 12_000, seed: 3, out, truthOut, mapName: name });
    expect(generated.graph.nodes + generated.graph.relationships).toBeGreaterThan(SINGLE_TRANSACTION_ROWS);
    // read whole (as the GraphQL mutation would), written in batches because it is too large for one transaction
    await maps.importMap([{ name: 'generated.json', text: readFileSync(out, 'utf8') }]);
    const map = await expectCurrent(name);
    const truth = JSON.parse(readFileSync(truthOut, 'utf8')) as { findings: Array<{ rule: string; target: { kind: string; id: string } }> };
    const key = (f: { rule: string; target: { kind: string; id: string } }) => `${f.rule}:${f.target.kind}:${f.target.id}`;
    expect((await stored(map)).map(key).sort()).toEqual(truth.findings.map(key).sort());
  });
});
