import { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lang, LANGS } from '@tadoru/common';
import { DataMap, loadMapSources } from '@tadoru/map';
import { formatCell, REPORT_KINDS, renderReport, ReportBlock, ReportDocument, ReportFormat, ReportKindName, ReportsService, Row } from '@tadoru/reports';
import { MapStoreService } from '@tadoru/store';
import { extractPdfText } from '../support/pdf-text';
import { createTestContext, uniqueMapName } from '../support/test-database';

/**
 * Every kind of report, for every demo map, in both languages and every format, checked against
 * itself: the document is built once, and each format must carry what the document says — the JSON
 * its raw rows, the CSV its formatted cells (parsed back), the HTML and the PDF's extracted text its
 * headings, facts and the first cell of every row.
 */
const DEMOS = ['rikunabi-2019.yaml', 'persol-group.yaml', 'wantedly.yaml'];

type ReadBlock = Exclude<ReportBlock, { type: 'table' }> | (Extract<ReportBlock, { type: 'table' }> & { rows: Row[] });

function loadExample(file: string): DataMap {
  const { map, problems } = loadMapSources([{ name: file, text: readFileSync(join(__dirname, '../../examples', file), 'utf8') }]);
  if (!map) throw new Error(problems.map((p) => p.message).join('\n'));
  return map;
}

/** A person and a system to report on: the first people entry, and the first system that sends data to another organization. */
function subjectsOf(map: DataMap): { person: string; system: string } {
  const operator = new Map((map.systems ?? []).map((s) => [s.id, s.operator]));
  const outward = (map.flows ?? []).find((f) => operator.get(f.from) !== operator.get(f.to));
  return { person: map.people![0].id, system: outward!.from };
}

async function read(doc: ReportDocument): Promise<ReadBlock[]> {
  const blocks: ReadBlock[] = [];
  for await (const block of doc.blocks) {
    if (block.type !== 'table') {
      blocks.push(block);
      continue;
    }
    const rows: Row[] = [];
    for await (const row of block.rows) rows.push(row);
    blocks.push({ ...block, rows });
  }
  return blocks;
}

async function render(doc: ReportDocument, blocks: ReadBlock[], format: ReportFormat): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const replay: ReportDocument = { header: doc.header, blocks: (async function* () { yield* blocks; })() };
  await renderReport(replay, format, { write: (chunk) => void chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)) });
  return Buffer.concat(chunks);
}

const squash = (text: string) => text.replace(/\s+/g, '');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Short texts a reader must find in a printed report: headings, fact labels and values, each row's first cell. */
function keyTexts(blocks: ReadBlock[], lang: Lang): string[] {
  const texts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') texts.push(block.text);
    if (block.type === 'facts') for (const fact of block.facts) texts.push(fact.label, formatCell(fact.value, fact.kind, lang));
    if (block.type === 'table') for (const row of block.rows) texts.push(formatCell(row[block.columns[0].key] ?? null, block.columns[0].kind, lang));
  }
  // Long texts may be cut with an ellipsis in a crowded PDF cell; the short ones must be there whole.
  return [...new Set(texts)].filter((t) => t.length > 0 && t.length <= 40);
}

describe('every report of every demo map, in every format and both languages (real Neo4j)', () => {
  let ctx: INestApplicationContext;
  const stored = new Map<string, string>();

  beforeAll(async () => {
    ctx = await createTestContext();
    for (const file of DEMOS) {
      const name = uniqueMapName(file.replace('.yaml', ''));
      await ctx.get(MapStoreService).importMap([{ name: file, text: readFileSync(join(__dirname, '../../examples', file), 'utf8') }], { mapName: name });
      stored.set(file, name);
    }
  });
  afterAll(() => ctx.close());

  const cases: Array<[string, ReportKindName, Lang]> = DEMOS.flatMap((file) => REPORT_KINDS.flatMap((kind) => LANGS.map((lang): [string, ReportKindName, Lang] => [file, kind, lang])));

  it.each(cases)('%s: %s (%s)', async (file, kind, lang) => {
    const map = stored.get(file)!;
    const { person, system } = subjectsOf(loadExample(file));
    const reports = ctx.get(ReportsService);
    const request = reports.check({ kind, map, lang, person: kind === 'disclosure' ? person : null, system: kind === 'breach' ? system : null, since: kind === 'breach' ? '2019-01-01' : null });
    const doc = await reports.build(request);
    const blocks = await read(doc);
    const tables = blocks.filter((b): b is Extract<ReadBlock, { type: 'table' }> => b.type === 'table');
    expect(blocks.some((b) => b.type === 'facts' || b.type === 'table')).toBe(true);

    // JSON: the header and every keyed block with its raw values.
    const json = JSON.parse((await render(doc, blocks, 'json')).toString('utf8'));
    expect(json.report).toMatchObject({ kind, map, lang, version: 1 });
    for (const table of tables) expect(json[table.key]).toEqual(table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, row[c.key] ?? null]))));
    for (const facts of blocks.filter((b) => b.type === 'facts')) expect(Object.keys(json[facts.key]).sort()).toEqual(facts.facts.map((f) => f.key).sort());

    // CSV: one byte-order mark, and every table's rows parsed back as a reader sees them.
    const csvText = (await render(doc, blocks, 'csv')).toString('utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText.indexOf('\uFEFF', 1)).toBe(-1);
    const lines: string[][] = parse(csvText.slice(1), { relax_column_count: true, skip_empty_lines: true });
    const serialised = new Set(lines.map((cells) => JSON.stringify(cells)));
    for (const table of tables) {
      expect(serialised.has(JSON.stringify(table.columns.map((c) => c.label)))).toBe(true);
      for (const row of table.rows) {
        const cells = table.columns.map((c) => formatCell(row[c.key] ?? null, c.kind, lang)).map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t));
        expect({ table: table.key, row: serialised.has(JSON.stringify(cells)) ? 'found' : cells }).toEqual({ table: table.key, row: 'found' });
      }
    }

    const texts = keyTexts(blocks, lang);
    // HTML: self-contained, and every key text is on the page.
    const html = (await render(doc, blocks, 'html')).toString('utf8');
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    const missingInHtml = texts.filter((t) => !html.includes(escapeHtml(t)));
    expect(missingInHtml).toEqual([]);

    // Markdown: the title and every heading.
    const markdown = (await render(doc, blocks, 'markdown')).toString('utf8');
    expect(markdown).toContain(doc.header.title);
    for (const block of blocks) if (block.type === 'heading') expect(markdown).toContain(block.text.replace(/([\\`*_[\]<>|#])/g, '\\$1').slice(0, 10));

    // PDF: the extracted text holds the title on every page and every key text.
    const pdf = extractPdfText(await render(doc, blocks, 'pdf'));
    for (const page of pdf.pages) expect(squash(page.text)).toContain(squash(doc.header.title));
    const printed = squash(pdf.text);
    const missingInPdf = texts.filter((t) => !printed.includes(squash(t)));
    expect(missingInPdf).toEqual([]);
  });
});
