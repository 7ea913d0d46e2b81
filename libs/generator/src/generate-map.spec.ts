import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@tadoru/common';
import { DataMap, loadMapSources, MapGraphRows, SECTIONS, toGraphRows } from '@tadoru/map';
import { generateMap, GenerationSummary } from './generate-map';
import { RULE_IDS } from './planted';
import { compareFindings, GroundTruth } from './truth';

/** Relationships the import creates for these rows, counted from the rows (independently of GraphSize), COVERS included. */
function relationshipsOf(rows: MapGraphRows, groups: Set<string>, organizations: Set<string>): number {
  const len = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
  let count = rows.feeds.length + 2 * rows.dataAssets.length + rows.dataCategories.length + rows.systems.length;
  count += rows.organizations.filter((o) => o.group).length;
  for (const n of rows.notices) count += 1 + len(n.purposes);
  for (const p of rows.provisions) count += 1 + len(p.recipients) + len(p.dataCategories) + len(p.purposes);
  for (const s of rows.sharedUses) {
    const users = (s.users as string[] | undefined) ?? [];
    count += 1 + users.filter((u) => groups.has(u)).length + users.filter((u) => organizations.has(u)).length + len(s.dataCategories) + len(s.purposes) + (s.manager ? 1 : 0);
  }
  for (const c of rows.collections) count += 1 + len(c.dataCategories) + len(c.purposes) + (c.notice ? 1 : 0);
  for (const f of rows.flows) count += 2 + len(f.dataCategories) + len(f.purposes) + (f.notice ? 1 : 0);
  for (const d of rows.derivations) count += 1 + len(d.inputs) + len(d.outputs) + len(d.purposes);
  for (const p of rows.people) count += 1 + len(p.uses);
  return count + 2 * rows.consents.length + coversOf(rows);
}

/** COVERS edges: a provision of the flow's own notice or of a notice of its sender that covers the flow (data-map.md). */
function coversOf(rows: MapGraphRows): number {
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
  const roles = new Map(rows.organizations.map((o) => [o.id, list(o.roles)]));
  const publisher = new Map(rows.notices.map((n) => [n.id, n.organization]));
  let count = 0;
  for (const f of rows.flows) {
    for (const p of rows.provisions) {
      if (p.notice !== f.notice && publisher.get(p.notice as string) !== f.sender) continue;
      const recipient = f.recipient as string;
      const toRecipient = list(p.recipients).includes(recipient) || list(p.recipientRoles).some((r) => (roles.get(recipient) ?? []).includes(r));
      if (toRecipient && list(f.dataCategories).every((c) => list(p.dataCategories).includes(c)) && list(f.purposes).every((x) => list(p.purposes).includes(x))) count++;
    }
  }
  return count;
}

function nodesOf(rows: MapGraphRows): number {
  const { feeds, heldAssets, ...nodes } = rows;
  void feeds;
  void heldAssets;
  return Object.values(nodes).reduce((sum, list) => sum + list.length, 0);
}

describe('generateMap', () => {
  let dir: string;
  const generate = (scale: number, seed: number, name = `${scale}-${seed}`): Promise<GenerationSummary> => generateMap({ scale, seed, out: join(dir, `${name}.json`) });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tadoru-generator-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes byte-identical files for the same scale and seed, and different ones for another seed', async () => {
    const [a, b, c] = [await generate(1_000, 42, 'a'), await generate(1_000, 42, 'b'), await generate(1_000, 43, 'c')];
    expect(readFileSync(a.file)).toEqual(readFileSync(b.file));
    expect(readFileSync(a.truthFile, 'utf8')).toEqual(readFileSync(b.truthFile, 'utf8'));
    expect(readFileSync(a.file)).not.toEqual(readFileSync(c.file));
    expect({ ...a, file: '', truthFile: '' }).toEqual({ ...b, file: '', truthFile: '' });
  });

  it.each([
    [1_000, 1],
    [4_000, 2],
    [25_000, 3],
  ])('at scale %i (seed %i) writes a valid map whose graph size it computes exactly', async (scale, seed) => {
    const summary = await generate(scale, seed);
    const text = readFileSync(summary.file, 'utf8');
    const { map, problems } = loadMapSources([{ name: summary.file, text }]);
    expect(problems).toEqual([]);
    const rows = toGraphRows(map as DataMap);
    const groups = new Set((map?.groups ?? []).map((g) => g.id));
    const organizations = new Set((map?.organizations ?? []).map((o) => o.id));
    expect(summary.graph).toEqual({ nodes: nodesOf(rows), relationships: relationshipsOf(rows, groups, organizations) });
    expect(summary.elements).toEqual(Object.fromEntries(SECTIONS.map((s) => [s, (map?.[s] ?? []).length])));
    expect(summary.bytes).toBe(Buffer.byteLength(text));
    expect(map?.map).toBe(`generated-${scale}-${seed}`);
  });

  it.each([1_000, 2_500, 10_000, 60_000, 150_000])('at scale %i has at least that many nodes (at most 10%% more) and five relationships per node', async (scale) => {
    const { graph } = await generate(scale, 7);
    expect(graph.nodes).toBeGreaterThanOrEqual(scale);
    expect(graph.nodes).toBeLessThanOrEqual(scale * 1.1);
    expect(graph.relationships).toBeGreaterThanOrEqual(5 * graph.nodes);
  });

  it('writes the sections in order, one element per line', async () => {
    const summary = await generate(1_000, 5);
    const lines = readFileSync(summary.file, 'utf8').split('\n');
    const sections = lines.filter((l) => /^"\w+": \[/.test(l)).map((l) => l.slice(1, l.indexOf('"', 1)));
    expect(sections).toEqual([...SECTIONS]);
    const elements = lines.filter((l) => l.startsWith('{"'));
    expect(elements.length).toBe(Object.values(summary.elements).reduce((a, b) => a + b, 0));
    for (const line of elements) expect(() => JSON.parse(line.replace(/,$/, ''))).not.toThrow();
  });

  it('writes a ground truth with planted findings of every rule, sorted, and samples that exist in the map', async () => {
    const summary = await generate(3_000, 9);
    const truth = JSON.parse(readFileSync(summary.truthFile, 'utf8')) as GroundTruth;
    expect(summary.truthFile).toBe(join(dir, '3000-9.truth.json'));
    expect(truth).toMatchObject({ map: summary.map, seed: 9, scale: 3_000, graph: summary.graph });
    expect(truth.findings).toHaveLength(summary.plantedFindings);
    expect(new Set(truth.findings.map((f) => f.rule))).toEqual(new Set(RULE_IDS));
    for (const rule of RULE_IDS) expect(truth.findings.filter((f) => f.rule === rule).length).toBeGreaterThanOrEqual(2);
    expect([...truth.findings].sort(compareFindings)).toEqual(truth.findings);
    const count = (s: string) => truth.findings.filter((f) => f.severity === s).length;
    expect(truth.summary).toEqual({ critical: count('critical'), high: count('high'), medium: count('medium'), low: count('low') });

    const map = JSON.parse(readFileSync(summary.file, 'utf8')) as DataMap;
    const ids = (list: Array<{ id: string }> | undefined) => new Set((list ?? []).map((e) => e.id));
    const [systems, categories, people] = [ids(map.systems), ids(map.dataCategories), ids(map.people)];
    expect(summary.samples.systems.length).toBeGreaterThan(5);
    expect(summary.samples.categories.length).toBeGreaterThan(5);
    expect(summary.samples.people.length).toBeGreaterThan(5);
    for (const id of summary.samples.systems) expect(systems.has(id)).toBe(true);
    for (const id of summary.samples.categories) expect(categories.has(id)).toBe(true);
    for (const id of summary.samples.people) expect(people.has(id)).toBe(true);
  });

  it('plants more violations in larger maps', async () => {
    const small = await generate(1_000, 1, 'small');
    const large = await generate(100_000, 1, 'large');
    expect(large.plantedFindings).toBeGreaterThan(small.plantedFindings * 2);
  });

  it('refuses bad options, naming each', async () => {
    const error = await generateMap({ scale: 999, seed: -1, out: join(dir, 'missing', 'x.json'), mapName: 'a b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((p) => p.path)).toEqual(['scale', 'seed', 'out', 'mapName']);
    const same = await generateMap({ scale: 1_000, seed: 1, out: join(dir, 'x.json'), truthOut: join(dir, 'x.json') }).catch((e: unknown) => e);
    expect((same as InvalidInputError).problems).toEqual([{ path: 'truthOut', message: 'must be another file than the map' }]);
    const directory = await generateMap({ scale: 1_000, seed: 1.5, out: dir }).catch((e: unknown) => e);
    expect((directory as InvalidInputError).problems.map((p) => p.path)).toEqual(['seed', 'out']);
  });
});
