import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '@tadoru/common';
import { CypherRegistry, Neo4jService } from '@tadoru/graph';
import { DataMap, serializeMap } from '@tadoru/map';
import { MapDirectoryService } from '@tadoru/catalog';
import { MapStoreService } from '@tadoru/store';
import { smallMap } from '../fixtures/small-map';
import { graphFingerprint } from '../support/graph-fingerprint';
import { createTestContext, uniqueMapName } from '../support/test-database';

const EXAMPLES = ['rikunabi-2019.yaml', 'persol-group.yaml', 'wantedly.yaml'];
const source = (map: DataMap) => ({ name: 'map.yaml', text: serializeMap(map) });

describe('importing and exporting maps (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let maps: MapStoreService;
  let directory: MapDirectoryService;
  let db: Neo4jService;

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    directory = ctx.get(MapDirectoryService);
    db = ctx.get(Neo4jService);
  });
  afterAll(() => ctx.close());

  it('stores every element, the derived assets and their lineage steps', async () => {
    const name = uniqueMapName();
    const result = await maps.importMap([source(smallMap(name))]);
    expect(result).toMatchObject({ created: true, unchanged: false });
    expect(result.map.counts).toMatchObject({ organizations: 3, systems: 4, flows: 3, derivations: 1, people: 2 });
    const { nodes, relationships } = await graphFingerprint(db, name);
    // 3 orgs, 1 group, 1 subject, 3 categories, 2 purposes, 1 notice, 1 provision, 1 shared use,
    // 4 systems, 1 collection, 3 flows, 1 derivation, 2 people, 2 consents, 8 data assets
    expect(nodes).toHaveLength(34);
    // one step per category a flow carries (2 + 2 + 1), one per derivation input (2)
    expect(relationships.filter((r) => r.includes('type:"FEEDS"'))).toHaveLength(7);
  });

  it('links each flow to the provisions that cover it: of its own notice and of its sender\'s, also for a flow added later', async () => {
    const name = uniqueMapName();
    const map = smallMap(name);
    // The employer's notice covers employer-bound scores too, but it is neither score-out's notice nor its sender's.
    map.notices!.push({ id: 'employer-policy', organization: 'employer', publishedAt: '2019-01-01', provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['score'], purposes: ['selection'] }] });
    await maps.importMap([source(map)]);
    const covers = async () =>
      (await graphFingerprint(db, name)).relationships
        .filter((r) => r.includes('type:"COVERS"'))
        .map((r) => /from:\[\[[^\]]*\],"([^"]+)"\].*to:\[\[[^\]]*\],"([^"]+)"/.exec(r)!.slice(1).join(' -> '))
        .sort();
    expect(await covers()).toEqual(['policy#provision-0 -> score-out']);

    // Flows added to the stored map later, in place, as an incremental write does.
    await maps.addFlows(name, [
      { id: 'late-score', from: 'model', to: 'ats', dataCategories: ['score'], purposes: ['selection'], basis: 'CONSENT', notice: 'employer-policy' },
      { id: 'late-name', from: 'model', to: 'ats', dataCategories: ['name'], purposes: ['matching'], basis: 'CONSENT' },
    ]);
    const expected = ['employer-policy#provision-0 -> late-score', 'policy#provision-0 -> late-score', 'policy#provision-0 -> score-out'];
    expect(await covers()).toEqual(expected);

    // Derived afresh: running the steps again for flows (the removal of their edges, then the
    // derivation, as an in-place write runs them) leaves exactly the edges that hold.
    const { storage } = await directory.pin(name);
    const rows = [{ id: 'score-out' }, { id: 'late-score' }, { id: 'late-name' }];
    await db.write('test.coversAgain', async (q) => {
      await q.run('map/import/18-clear-covers', { map: storage, rows });
      await q.run('map/import/18-create-covers', { map: storage, rows });
    });
    expect(await covers()).toEqual(expected);
  });

  it('is idempotent: importing the same map again gives the same graph and says so', async () => {
    const name = uniqueMapName();
    await maps.importMap([source(smallMap(name))]);
    const before = await graphFingerprint(db, name);
    const again = await maps.importMap([source(smallMap(name))]);
    expect(again).toMatchObject({ created: false, unchanged: true });
    expect(await graphFingerprint(db, name)).toEqual(before);
  });

  it('updates a changed map, removes what disappeared, and leaves other maps alone', async () => {
    const name = uniqueMapName();
    const other = uniqueMapName('other');
    await maps.importMap([source(smallMap(name))]);
    await maps.importMap([source(smallMap(other))]);
    const otherBefore = await graphFingerprint(db, other);

    const changed = smallMap(name);
    changed.flows = changed.flows!.filter((f) => f.id !== 'to-backup');
    changed.systems = changed.systems!.filter((s) => s.id !== 'backup');
    changed.organizations![1].name = 'Renamed Employer';
    const result = await maps.importMap([source(changed)]);
    expect(result).toMatchObject({ created: false, unchanged: false });

    const after = await graphFingerprint(db, name);
    expect(after.nodes.some((n) => n.includes('"to-backup"'))).toBe(false);
    expect(after.nodes.some((n) => n.includes('id:"backup"'))).toBe(false);
    expect(after.nodes.some((n) => n.includes('Renamed Employer'))).toBe(true);
    expect(await graphFingerprint(db, other)).toEqual(otherBefore);
  });

  it('writes nothing when the map is invalid, and lists every problem with its path', async () => {
    const name = uniqueMapName();
    await maps.importMap([source(smallMap(name))]);
    const before = await graphFingerprint(db, name);
    const broken = smallMap(name) as unknown as Record<string, any>;
    broken.flows[0].from = 'dmp';
    broken.flows[1].basis = 'MAYBE';
    broken.organizations[0].name = 'Changed but invalid';
    const error = await maps.importMap([{ name: 'bad.yaml', text: serializeMap(broken as DataMap) }]).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((p) => p.path)).toEqual(['flows[1].basis', 'flows[0].from']);
    expect(await graphFingerprint(db, name)).toEqual(before);
  });

  it('never leaves half a map when the write fails midway', async () => {
    const name = uniqueMapName();
    await maps.importMap([source(smallMap(name))]);
    const before = await graphFingerprint(db, name);
    // Make a late step of the import fail inside the database (after the old elements were
    // deleted and most new ones created): the transaction must roll back to the old map.
    const registry = ctx.get(CypherRegistry);
    const real = registry.get.bind(registry);
    const spy = jest.spyOn(registry, 'get').mockImplementation((key: string) =>
      key === 'map/import/14-create-consents' ? { ...real(key), text: 'UNWIND $rows AS row RETURN 1 / 0 AS boom // $map' } : real(key),
    );
    const changed = smallMap(name);
    changed.organizations![0].name = 'Half-written';
    await expect(maps.importMap([source(changed)])).rejects.toThrow();
    spy.mockRestore();
    expect(await graphFingerprint(db, name)).toEqual(before);
  });

  it.each(EXAMPLES)('round-trips %s: import, export, re-import gives the same graph', async (file) => {
    const text = readFileSync(join(__dirname, '../../examples', file), 'utf8');
    const name = uniqueMapName(file.replace('.yaml', ''));
    await maps.importMap([{ name: file, text }], { mapName: name });
    const first = await graphFingerprint(db, name);
    const exported = await maps.exportMap(name);
    const copy = uniqueMapName('copy');
    await maps.importMap([{ name: 'exported.yaml', text: exported }], { mapName: copy });
    const second = await graphFingerprint(db, copy);
    const rename = (s: string) => s.split(`"${copy}"`).join(`"${name}"`);
    expect(second.nodes.map(rename).sort()).toEqual(first.nodes);
    expect(second.relationships.map(rename).sort()).toEqual(first.relationships);
    // and the exported text is stable
    expect(await maps.exportMap(copy)).toEqual(exported.replace(`map: ${name}`, `map: ${copy}`));
  });

  it('exports JSON too, and deletes a map without touching others', async () => {
    const name = uniqueMapName();
    const other = uniqueMapName('other');
    await maps.importMap([source(smallMap(name))]);
    await maps.importMap([source(smallMap(other))]);
    const json = JSON.parse(await maps.exportMap(name, 'json')) as DataMap;
    expect(json.flows?.map((f) => f.id)).toEqual(['to-model', 'score-out', 'to-backup']);
    const otherBefore = await graphFingerprint(db, other);
    expect(await maps.deleteMap(name)).toEqual({ version: 2 });
    expect(await directory.findMap(name)).toBeUndefined();
    expect((await graphFingerprint(db, name)).nodes).toEqual([]);
    expect(await graphFingerprint(db, other)).toEqual(otherBefore);
    await expect(maps.exportMap(name)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
