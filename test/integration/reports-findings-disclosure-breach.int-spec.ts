import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogService, PinnedMap } from '@tadoru/catalog';
import { Lang, NotFoundError } from '@tadoru/common';
import { DataMap, loadMapSources } from '@tadoru/map';
import { formatCell, isMissing, REPORT_BUILDERS, ReportBlock, ReportBuilder, ReportInput, ReportKindName, Row } from '@tadoru/reports';
import { MapStoreService } from '@tadoru/store';
import { baseMap } from '../support/rule-harness';
import { createTestContext, uniqueMapName } from '../support/test-database';

/** The 21 users of offer-decline scores in the Rikunabi map: 20 client companies and Recruit Co. */
const SCORE_USERS = [
  'recruit-co', 'toyota', 'honda-rd', 'mitsubishi-corp', 'denso', 'denso-techno', 'ntt-comware', 'ntt-facilities', 'tokyo-electron', 'fujisoft',
  'kyocera', 'leopalace21', 'resona', 'aflac', 'daiwa-ir', 'ykk', 'mitsubishi-electric', 'jfe-steel', 'technopro', 'meitec', 'world-intec',
];

function loadExample(file: string): DataMap {
  const { map, problems } = loadMapSources([{ name: file, text: readFileSync(join(__dirname, '../../examples', file), 'utf8') }]);
  if (!map) throw new Error(problems.map((p) => p.message).join('\n'));
  return map;
}

/** A report's blocks with their table rows read out, as every renderer sees them. */
type ReadBlock = Exclude<ReportBlock, { type: 'table' }> | (Extract<ReportBlock, { type: 'table' }> & { rows: Row[] });

async function blocksOf(builder: ReportBuilder, input: ReportInput): Promise<ReadBlock[]> {
  const out: ReadBlock[] = [];
  for await (const block of builder.build(input, () => undefined)) {
    if (block.type === 'table') {
      const rows: Row[] = [];
      for await (const row of block.rows as AsyncIterable<Row>) rows.push(row);
      out.push({ ...block, rows });
    } else out.push(block);
  }
  return out;
}

/** Every text a reader sees (headings, paragraphs, facts and cells formatted for the language, diagram words). */
function textOf(blocks: ReadBlock[], lang: Lang): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          return b.text;
        case 'list':
          return b.items.join('\n');
        case 'facts':
          return b.facts.map((f) => `${f.label}: ${formatCell(f.value, f.kind, lang)}`).join('\n');
        case 'table':
          return b.rows.map((r) => b.columns.map((c) => formatCell(r[c.key], c.kind, lang)).join(' | ')).join('\n');
        case 'diagram':
          return `${b.title}\n${b.alt}`;
        default:
          return '';
      }
    })
    .join('\n');
}

function facts(blocks: ReadBlock[], key: string): Record<string, unknown> {
  const block = blocks.find((b) => b.type === 'facts' && b.key === key);
  if (!block || block.type !== 'facts') throw new Error(`no facts block "${key}" (have ${blocks.filter((b) => b.type === 'facts').map((b) => (b as { key: string }).key).join(', ')})`);
  return Object.fromEntries(block.facts.map((f) => [f.key, f.value]));
}

function table(blocks: ReadBlock[], key: string): Row[] {
  const block = blocks.find((b) => b.type === 'table' && b.key === key);
  if (!block || block.type !== 'table') throw new Error(`no table "${key}"`);
  return block.rows;
}

describe('reports: findings, disclosure to a person, breach scope', () => {
  let ctx: INestApplicationContext;
  let store: MapStoreService;
  let catalog: CatalogService;
  let rikunabi: PinnedMap;
  let organizationNames: Map<string, string>;
  const builder = (kind: ReportKindName): ReportBuilder => {
    const found = ctx.get<ReportBuilder[]>(REPORT_BUILDERS).find((b) => b.kind === kind);
    if (!found) throw new Error(`no report kind ${kind}`);
    return found;
  };
  const input = (map: PinnedMap, extra: Partial<ReportInput> = {}): ReportInput => ({ map, version: map.version, lang: 'en', asOf: null, person: null, system: null, since: null, ...extra });

  beforeAll(async () => {
    ctx = await createTestContext();
    store = ctx.get(MapStoreService);
    catalog = ctx.get(CatalogService);
    rikunabi = (await store.importValidMap(loadExample('rikunabi-2019.yaml'), [{ name: 'rikunabi-2019.yaml', text: '' }], { mapName: uniqueMapName('rikunabi') })).map;
    const orgs = await catalog.byIds('organizations', rikunabi, SCORE_USERS);
    organizationNames = new Map([...orgs].map(([id, o]) => [id, o.name]));
  });
  afterAll(() => ctx.close());

  describe('findings', () => {
    let en: ReadBlock[];
    let ja: ReadBlock[];
    beforeAll(async () => {
      const report = builder('findings');
      en = await blocksOf(report, input(rikunabi));
      ja = await blocksOf(report, input(rikunabi, { lang: 'ja' }));
    });

    it('summarises the findings per severity as the demo map was built to produce them', () => {
      expect(facts(en, 'summary')).toEqual({ total: 242, critical: 128, high: 93, medium: 21, low: 0, rules: 7 });
    });

    it('groups by severity then rule, critical first', () => {
      const ruleHeadings = en.filter((b) => b.type === 'facts' && b.key.startsWith('rule:')).map((b) => (b as { key: string }).key);
      expect(ruleHeadings).toEqual(['rule:APPI-27-1', 'rule:APPI-27-5-1', 'rule:APPI-31-1', 'rule:ESA-5-5-PROFILE', 'rule:APPI-18-1', 'rule:APPI-21-1', 'rule:APPI-29']);
    });

    it('states the 7,983 students provided without consent, with both article numbers and the cure', () => {
      const rule = facts(en, 'rule:APPI-27-1');
      expect(rule).toMatchObject({ citation: expect.stringContaining('Art. 27(1) [23(1)]'), findings: 21, mostPeople: 7983, cure: expect.stringContaining('prior consent') });
      const toyota = facts(en, 'finding:APPI-27-1:flow:toyota-scores-named');
      expect(toyota).toMatchObject({ affectedPeople: 7983, introducedVersion: rikunabi.version, introducedBy: expect.stringContaining('(') });
      expect(toyota.introduced).toContain('first recorded version');
      expect(textOf(en, 'en')).toContain('7,983 people');
      expect(textOf(en, 'en')).toContain('square brackets are the article numbers before');
    });

    it('names every client company that received scores, on the evidence paths', () => {
      const words = en.filter((b) => b.type === 'diagram' && b.key.startsWith('path:APPI-27-1:')).map((b) => (b as { alt: string }).alt).join('\n');
      for (const id of SCORE_USERS) expect(words).toContain(organizationNames.get(id));
      const diagram = en.find((b) => b.type === 'diagram' && b.key === 'path:APPI-27-1:flow:toyota-scores-named');
      expect(diagram).toBeDefined();
      expect((diagram as { alt: string }).alt).toMatch(/toyota-scores-named.*the unlawful step/);
    });

    it('includes the Employment Security Act finding on the score deliveries', () => {
      const esa = facts(en, 'rule:ESA-5-5-PROFILE');
      expect(esa).toMatchObject({ findings: 42, citation: expect.stringContaining('Art. 5-5 [5-4]') });
      expect(facts(en, 'finding:ESA-5-5-PROFILE:flow:toyota-scores-named')).toMatchObject({ introducedVersion: rikunabi.version });
    });

    it('lists every finding in one flat table for CSV, with the version that introduced it', () => {
      const rows = table(en, 'findings');
      expect(rows).toHaveLength(242);
      expect(rows.every((r) => r.introducedVersion === rikunabi.version)).toBe(true);
      expect(rows.find((r) => r.id === 'APPI-27-1:flow:toyota-scores-named')).toMatchObject({ rule: 'APPI-27-1', severity: 'critical', affectedPeople: 7983 });
      expect(rows[0].severity).toBe('critical');
      expect(rows[rows.length - 1].severity).toBe('medium');
    });

    it('writes Japanese: 7,983名, the articles as the statutes are cited, and the messages in Japanese', () => {
      const text = textOf(ja, 'ja');
      expect(text).toContain('7,983名');
      expect(facts(ja, 'rule:APPI-27-1').citation).toContain('第27条第1項［旧第23条第1項］');
      expect(facts(ja, 'finding:APPI-27-1:flow:toyota-scores-named').message).toMatch(/[ぁ-ん]/);
      expect(text).toContain('改正前の条番号');
      expect(text).toContain('職業安定法第5条の5［旧第5条の4］');
    });
  });
});
