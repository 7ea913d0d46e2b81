import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChangesService } from '@tadoru/changes';
import { InvalidInputError, NotFoundError } from '@tadoru/common';
import { ChangeSet, DataMap, loadMapSources } from '@tadoru/map';
import { Fact, renderReport, ReportBlock, ReportDocument, ReportFormat, ReportsService, Row } from '@tadoru/reports';
import { FindingsService } from '@tadoru/rules';
import { MapStoreService } from '@tadoru/store';
import { MapDirectoryService } from '@tadoru/catalog';
import { createTestContext, uniqueMapName } from '../support/test-database';

const ROOT = join(__dirname, '..', '..');
const RIKUNABI = readFileSync(join(ROOT, 'examples', 'rikunabi-2019.yaml'), 'utf8');
const ONE_MORE_EMPLOYER = readFileSync(join(ROOT, 'examples', 'changes', 'rikunabi-one-more-employer.yaml'), 'utf8');
const architect = { name: 'aiko', role: 'ARCHITECT' };

function rikunabiMap(): DataMap {
  const { map } = loadMapSources([{ name: 'rikunabi-2019.yaml', text: RIKUNABI }]);
  if (!map) throw new Error('the demo map does not load');
  return map;
}

/** The blocks of a document, with every table's rows read (as a renderer would). */
async function blocksOf(doc: ReportDocument): Promise<Array<ReportBlock & { readRows?: Row[] }>> {
  const out: Array<ReportBlock & { readRows?: Row[] }> = [];
  for await (const block of doc.blocks) {
    if (block.type !== 'table') {
      out.push(block);
      continue;
    }
    const rows: Row[] = [];
    for await (const row of block.rows) rows.push(row);
    out.push({ ...block, readRows: rows });
  }
  return out;
}

const factsOf = (blocks: Array<ReportBlock>, key: string): Record<string, unknown> => {
  const block = blocks.find((b) => b.type === 'facts' && b.key === key) as { facts: Fact[] } | undefined;
  if (!block) throw new Error(`no facts block "${key}"`);
  return Object.fromEntries(block.facts.map((f) => [f.key, f.value]));
};
const rowsOf = (blocks: Array<ReportBlock & { readRows?: Row[] }>, key: string): Row[] => {
  const block = blocks.find((b) => b.type === 'table' && b.key === key);
  if (!block?.readRows) throw new Error(`no table "${key}"`);
  return block.readRows;
};

async function problemsOf(work: () => unknown): Promise<Array<{ path: string; message: string }>> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).problems;
  }
  throw new Error('expected the request to be refused');
}

describe('reports of stored maps: requests, versions, the overview (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  let reports: ReportsService;
  let name: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    reports = ctx.get(ReportsService);
    name = uniqueMapName('rikunabi');
    await ctx.get(MapStoreService).importMap([{ name: 'rikunabi-2019.yaml', text: RIKUNABI }], { mapName: name, actor: architect });
  });
  afterAll(() => ctx.close());

  describe('a request is checked before anything is read, every problem named', () => {
    it('refuses an unknown kind, language, format, version and dates together', async () => {
      const problems = await problemsOf(() => reports.check({ kind: 'ledgers', map: name, lang: 'fr', format: 'docx', version: 0, asOf: '2019-02-30', since: 'yesterday' }));
      expect(problems.map((p) => p.path).sort()).toEqual(['asOf', 'format', 'kind', 'lang', 'since', 'version']);
      expect(problems.find((p) => p.path === 'kind')?.message).toContain('ledger, findings, disclosure, breach, ropa, published-matters, overview');
    });

    it('names the options a kind needs and the ones it does not use', async () => {
      expect(await problemsOf(() => reports.check({ kind: 'disclosure', map: name }))).toEqual([{ path: 'person', message: 'is required for a disclosure report' }]);
      expect((await problemsOf(() => reports.check({ kind: 'breach', map: name, system: 'dmp-follow-model' }))).map((p) => p.path)).toEqual(['since']);
      expect((await problemsOf(() => reports.check({ kind: 'overview', map: name, person: 'x' })))[0]).toMatchObject({ path: 'person', message: expect.stringContaining('is not used by a overview report') });
    });

    it('defaults to English JSON of the current version', () => {
      expect(reports.check({ kind: 'overview', map: name })).toEqual({ kind: 'overview', map: name, lang: 'en', format: 'json', person: null, system: null, since: null, version: null, asOf: null });
    });

    it('a map that does not exist is NOT_FOUND, and so is a version it never had', async () => {
      await expect(reports.build(reports.check({ kind: 'overview', map: uniqueMapName('absent') }))).rejects.toBeInstanceOf(NotFoundError);
      await expect(reports.build(reports.check({ kind: 'overview', map: name, version: 99 }))).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('the overview of the Rikunabi map', () => {
    let blocks: Array<ReportBlock & { readRows?: Row[] }>;
    let doc: ReportDocument;
    const demo = rikunabiMap();
    beforeAll(async () => {
      doc = await reports.build(reports.check({ kind: 'overview', map: name, lang: 'ja' }));
      blocks = await blocksOf(doc);
    });

    it('says which version it was built from, when and by whom', () => {
      expect(doc.header).toMatchObject({ kind: 'overview', title: 'データマップ概要', lang: 'ja', map: name, version: 1, versionActor: 'aiko', asOf: null });
      expect(Date.parse(doc.header.versionRecordedAt ?? '')).not.toBeNaN();
    });

    it('counts what the map holds', async () => {
      const counts = factsOf(blocks, 'counts');
      const stored = await ctx.get(FindingsService).list(await ctx.get(MapDirectoryService).pin(name), {}, { first: 1_000 });
      expect(counts).toMatchObject({
        organizations: demo.organizations!.length,
        systems: demo.systems!.length,
        flows: demo.flows!.length,
        derivations: demo.derivations!.length,
        peopleEntries: demo.people!.length,
        people: demo.people!.reduce((sum, p) => sum + (p.count ?? 0), 0),
        'findings.critical': stored.summary.critical,
        'findings.high': stored.summary.high,
      });
    });

    it('lists every organization once, and every flow that has a finding with its rules', async () => {
      expect(rowsOf(blocks, 'organizations').map((r) => r.id).sort()).toEqual(demo.organizations!.map((o) => o.id).sort());
      const unlawful = rowsOf(blocks, 'unlawfulFlows');
      const stored = await ctx.get(FindingsService).list(await ctx.get(MapDirectoryService).pin(name), { targetKind: 'flow' }, { first: 1_000 });
      expect(unlawful.map((r) => r.flow).sort()).toEqual([...new Set(stored.findings.map((f) => f.target.id))].sort());
      const toyota = unlawful.find((r) => r.flow === 'toyota-scores-named');
      expect(toyota?.rules).toEqual(expect.arrayContaining(['APPI-27-1']));
    });

    it('draws the systems with the unlawful flows in red', () => {
      const diagram = blocks.find((b) => b.type === 'diagram');
      expect(diagram).toMatchObject({ type: 'diagram', key: 'diagram' });
      expect((diagram as { svg: string }).svg).toContain('stroke="#c62828"'); // the unlawful flows' red
      expect((diagram as { alt: string }).alt).toMatch(/^\d+個の枠とその間の\d+本の線。うち[1-9]\d*本が赤/);
    });
  });

  describe('a report handed to a regulator can be made again', () => {
    async function bytesOf(format: ReportFormat): Promise<Buffer> {
      const chunks: Buffer[] = [];
      const doc = await reports.build(reports.check({ kind: 'findings', map: name, lang: 'ja', format, version: 1 }));
      await renderReport(doc, format, { write: (chunk) => void chunks.push(Buffer.from(chunk)) });
      return Buffer.concat(chunks);
    }

    it.each(['pdf', 'html', 'csv', 'json'] as const)('the same request on the same version gives the same %s, byte for byte', async (format) => {
      const first = await bytesOf(format);
      expect(first.length).toBeGreaterThan(1000);
      expect((await bytesOf(format)).equals(first)).toBe(true);
    });
  });

  describe('a report of a past version reads the map as it stood then', () => {
    it('the overview before and after one more employer receives the scores', async () => {
      const changed = uniqueMapName('rikunabi');
      await ctx.get(MapStoreService).importMap([{ name: 'rikunabi-2019.yaml', text: RIKUNABI }], { mapName: changed, actor: architect });
      const changes = ctx.get(ChangesService);
      const set: ChangeSet = changes.changeSetOf({ content: ONE_MORE_EMPLOYER });
      const applied = await changes.apply(changed, set, 1, architect);
      expect(applied.applied).toBe(true);

      const before = await blocksOf(await reports.build(reports.check({ kind: 'overview', map: changed, version: 1 })));
      const now = await reports.build(reports.check({ kind: 'overview', map: changed }));
      const after = await blocksOf(now);
      expect(now.header.version).toBe(2);
      expect(Number(factsOf(after, 'counts').flows)).toBeGreaterThan(Number(factsOf(before, 'counts').flows));
      expect(Number(factsOf(after, 'counts').unlawfulFlows)).toBeGreaterThan(Number(factsOf(before, 'counts').unlawfulFlows));
      // The same request on the same version gives the same document.
      const again = await blocksOf(await reports.build(reports.check({ kind: 'overview', map: changed, version: 1 })));
      expect(JSON.stringify(again)).toBe(JSON.stringify(before));
    });
  });
});
