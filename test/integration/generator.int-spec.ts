import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpectedFinding, generateMap, GroundTruth, RULE_IDS, scenarioCatalogueMap } from '@tadoru/generator';
import { Neo4jService } from '@tadoru/graph';
import { loadMapSources } from '@tadoru/map';
import { MapStoreService } from '@tadoru/store';
import { CheckService } from '@tadoru/reports';
import { Finding } from '@tadoru/rules';
import { createTestContext, uniqueMapName } from '../support/test-database';

/** What must match exactly between a reported finding and the ground truth. */
const key = (f: Finding | ExpectedFinding): string => `${f.rule} ${f.severity} ${f.target.kind}:${f.target.id} people=${f.affectedPeople}`;

describe('generated maps: tadoru check finds exactly the planted violations', () => {
  let ctx: INestApplicationContext;
  let dir: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    dir = mkdtempSync(join(tmpdir(), 'tadoru-generated-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ctx.close();
  });

  // Large maps contain every scenario variant; small ones only the first few of each rule.
  it('every planted scenario, alone in one map, gives exactly the findings it expects', async () => {
    const { map, findings } = scenarioCatalogueMap(3);
    const report = await ctx.get(CheckService).check(map, map.map as string);
    expect(report.findings.map(key).sort()).toEqual(findings.map(key).sort());
  });

  it.each([
    [1_000, 3],
    [3_000, 7],
    [12_000, 11],
  ])('at scale %i with seed %i: the findings are the ground truth, and the stored map has the size the generator computed', async (scale, seed) => {
    const out = join(dir, `map-${scale}-${seed}.json`);
    const summary = await generateMap({ scale, seed, out });
    const truth = JSON.parse(readFileSync(summary.truthFile, 'utf8')) as GroundTruth;
    const text = readFileSync(out, 'utf8');
    const { map, problems } = loadMapSources([{ name: out, text }]);
    expect(problems).toEqual([]);

    const report = await ctx.get(CheckService).check(map!, summary.map);
    expect(report.findings.map(key).sort()).toEqual(truth.findings.map(key).sort());
    expect(report.summary).toEqual(truth.summary);
    expect([...new Set(truth.findings.map((f) => f.rule))].sort()).toEqual([...RULE_IDS].sort());

    const name = uniqueMapName('generated');
    const imported = await ctx.get(MapStoreService).importMap([{ name: out, text }], { mapName: name });
    try {
      const [stored] = await ctx.get(Neo4jService).read('test.generatedSize', (q) => q.run('testing/generator-map-size', { map: imported.map.storage }));
      expect(stored).toEqual(summary.graph);
      expect(truth.graph).toEqual(summary.graph);
    } finally {
      await ctx.get(MapStoreService).deleteMap(name);
    }
  });
});
