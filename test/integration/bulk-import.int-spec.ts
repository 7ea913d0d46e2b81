import { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { ConflictError, InvalidInputError, NotFoundError } from '@tadoru/common';
import { Neo4jService } from '@tadoru/graph';
import { DataMap, serializeMap } from '@tadoru/map';
import { MapDirectoryService } from '@tadoru/catalog';
import { BulkMapImportService, MapStoreService } from '@tadoru/store';
import { smallMap } from '../fixtures/small-map';
import { graphFingerprint } from '../support/graph-fingerprint';
import { createTestContext, uniqueMapName } from '../support/test-database';

const EXAMPLES = ['rikunabi-2019.yaml', 'persol-group.yaml', 'wantedly.yaml'];
const dir = mkdtempSync(join(tmpdir(), 'tadoru-bulk-'));

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 1));
  return file;
}

function example(file: string): DataMap {
  return yaml.load(readFileSync(join(__dirname, '../../examples', file), 'utf8'), { schema: yaml.CORE_SCHEMA }) as DataMap;
}

describe('bulk import of streamed JSON maps (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let maps: MapStoreService;
  let directory: MapDirectoryService;
  let bulk: BulkMapImportService;
  let db: Neo4jService;

  /** The graph of a map with its name taken out, so two names can hold "the same graph". */
  const sameGraphAs = async (name: string) => {
    const { nodes, relationships } = await graphFingerprint(db, name);
    const anonymous = (lines: string[]) => lines.map((l) => l.split(JSON.stringify(name)).join('"<map>"')).sort();
    return { nodes: anonymous(nodes), relationships: anonymous(relationships) };
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    maps = ctx.get(MapStoreService);
    directory = ctx.get(MapDirectoryService);
    bulk = ctx.get(BulkMapImportService);
    db = ctx.get(Neo4jService);
  });
  afterAll(() => ctx.close());

  const generationsOf = async (name: string) =>
    (await db.read('test.generations', (q) => q.run('store/generations-of-map', { name }))) as Array<{ key: string; state: string }>;

  it.each(EXAMPLES)('builds the same graph as a whole import, however small the batches (%s)', async (file) => {
    const map = example(file);
    const whole = uniqueMapName('whole');
    const streamed = uniqueMapName('streamed');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...map, map: whole }) }]);
    // 7 rows per transaction: assets first passed through are made held by a later batch
    const result = await bulk.importFiles([writeJson(`${streamed}.json`, { ...map, map: streamed })], { rowsPerTransaction: 7 });
    expect(result).toMatchObject({ map: streamed, created: true });
    expect(await sameGraphAs(streamed)).toEqual(await sameGraphAs(whole));
    const { nodes, relationships } = await graphFingerprint(db, streamed);
    expect(result.nodes).toBe(nodes.length);
    expect(result.relationships).toBe(relationships.length);
  });

  it('merges several files whose sections refer to each other in any order', async () => {
    const map = smallMap();
    const whole = uniqueMapName('whole');
    const streamed = uniqueMapName('streamed');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...map, map: whole }) }]);
    // the first file's systems and flows need the second file's organizations and categories
    const first = writeJson(`${streamed}-a.json`, { tadoru: 1, map: streamed, flows: map.flows, systems: map.systems, people: map.people });
    const second = writeJson(`${streamed}-b.json`, {
      tadoru: 1,
      derivations: map.derivations,
      notices: map.notices,
      purposes: map.purposes,
      dataCategories: map.dataCategories,
      subjects: map.subjects,
      organizations: map.organizations,
      groups: map.groups,
    });
    await bulk.importFiles([first, second], { rowsPerTransaction: 3 });
    expect(await sameGraphAs(streamed)).toEqual(await sameGraphAs(whole));
  });

  it('replaces a stored map, says when nothing changed, and leaves other maps alone', async () => {
    const name = uniqueMapName();
    const other = uniqueMapName('other');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap(smallMap(other)) }]);
    const otherBefore = await graphFingerprint(db, other);
    await bulk.importFiles([writeJson(`${name}.json`, smallMap(name))]);

    const changed = smallMap(name);
    changed.flows = changed.flows!.filter((f) => f.id !== 'to-backup');
    changed.organizations![1].name = 'Renamed Employer';
    const replaced = await bulk.importFiles([writeJson(`${name}-changed.json`, changed)], { rowsPerTransaction: 5 });
    expect(replaced).toMatchObject({ created: false, unchanged: false });
    const reference = uniqueMapName('reference');
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...changed, map: reference }) }]);
    expect(await sameGraphAs(name)).toEqual(await sameGraphAs(reference));

    expect(await bulk.importFiles([writeJson(`${name}-again.json`, changed)])).toMatchObject({ created: false, unchanged: true });
    // the same content imported whole is recognised as unchanged too
    expect(await maps.importMap([{ name: 'map.yaml', text: serializeMap(changed) }])).toMatchObject({ unchanged: true });
    expect(await graphFingerprint(db, other)).toEqual(otherBefore);
    expect((await directory.listMaps()).map((m) => m.name)).not.toContainEqual(expect.stringMatching(/^_import-/));
  });

  it('rejects an invalid map with every problem and its path, and writes nothing', async () => {
    const name = uniqueMapName();
    const broken = smallMap(name) as unknown as Record<string, unknown[]>;
    (broken.flows[0] as Record<string, unknown>).from = 'no-such-system';
    (broken.systems[0] as Record<string, unknown>).colour = 'red';
    const file = writeJson(`${name}.json`, broken);
    const error = await bulk.importFiles([file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const paths = (error as InvalidInputError).problems.map((p) => `${p.path}: ${p.message}`);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^systems\[0\]\.colour: unknown key/)]));
    // references are checked only once every entry has the right shape
    writeFileSync(file, JSON.stringify({ ...smallMap(name), flows: [{ ...smallMap().flows![0], from: 'no-such-system' }] }));
    const refError = (await bulk.importFiles([file]).catch((e: unknown) => e)) as InvalidInputError;
    expect(refError.problems).toEqual([{ path: 'flows[0].from', message: 'unknown system "no-such-system"' }]);
    await expect(directory.pin(name)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reports where the JSON is broken', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"tadoru": 1,\n "purposes": [\n {"id": "a", "name": "A"}\n');
    const error = (await bulk.importFiles([file]).catch((e: unknown) => e)) as InvalidInputError;
    expect(error.problems).toEqual([{ path: '(file)', message: expect.stringContaining('at line 4') }]);
  });

  it('removes what an interrupted import wrote, and keeps the stored map', async () => {
    const name = uniqueMapName();
    await bulk.importFiles([writeJson(`${name}.json`, smallMap(name))]);
    const before = await graphFingerprint(db, name);
    const abort = new AbortController();
    const changed = { ...smallMap(name), purposes: [...smallMap().purposes!, { id: 'extra', name: 'Extra' }] };
    const result = bulk.importFiles([writeJson(`${name}-2.json`, changed)], {
      rowsPerTransaction: 3,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.stage === 'writing') abort.abort();
      },
    });
    await expect(result).rejects.toBeInstanceOf(ConflictError);
    expect(await graphFingerprint(db, name)).toEqual(before);
    // nothing of the interrupted version is left: only versions that were current at some time
    expect((await generationsOf(name)).filter((g) => g.state !== 'current' && g.state !== 'superseded')).toEqual([]);
  });

  it('what a writer that died left behind never blocks the name, is never read, and goes with the next write', async () => {
    const name = uniqueMapName();
    const reference = uniqueMapName('reference');
    const changed = { ...smallMap(name), purposes: [...smallMap().purposes!, { id: 'extra', name: 'Extra' }] };
    await maps.importMap([{ name: 'map.yaml', text: serializeMap(smallMap(name)) }]);
    await maps.importMap([{ name: 'map.yaml', text: serializeMap({ ...changed, map: reference }) }]);
    const before = await graphFingerprint(db, name);
    // what a bulk import killed half-way leaves: a generation still "writing", with some of its rows
    const leftover = `${name}~killed`;
    await db.write('test.leftover', async (q) => {
      await q.run('store/create-generation', { name, key: leftover });
      await q.run('map/import/01-create-groups', { map: leftover, rows: [{ id: 'half-written', name: 'Half', seq: 0 }] });
    });

    // readers still read the stored version, and the name is free at once (a dead writer's lock goes with its transaction)
    expect((await directory.pin(name)).version).toBe(1);
    expect(await graphFingerprint(db, name)).toEqual(before);
    const next = await bulk.importFiles([writeJson(`${name}-3.json`, changed)]);
    expect(next).toMatchObject({ created: false, unchanged: false, version: 2 });
    expect(await sameGraphAs(name)).toEqual(await sameGraphAs(reference));
    expect((await generationsOf(name)).map((g) => g.key)).not.toContain(leftover);
    const [left] = await db.read('test.leftoverCount', (q) => q.run('store/count-generation-nodes', { map: leftover }));
    expect(left.nodes).toBe(0);
  });
});
