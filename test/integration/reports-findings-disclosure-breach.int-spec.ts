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
      // The consent relied on is the privacy policy revised in March 2019.
      expect(toyota).toMatchObject({ notice: 'rikunabi-policy-2019-03, published 1 March 2019', noticePublishedAt: '2019-03-01', basis: 'the person’s consent' });
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

    it('as of a day: only the flows of that period count (NTT Facilities had stopped by May 2019)', async () => {
      const blocks = await blocksOf(builder('findings'), input(rikunabi, { asOf: '2019-05-01' }));
      expect(facts(blocks, 'rule:APPI-27-1')).toMatchObject({ findings: 20, mostPeople: 7983 });
      expect(blocks.some((b) => b.type === 'facts' && b.key === 'finding:APPI-27-1:flow:ntt-facilities-scores-named')).toBe(false);
      expect(blocks.some((b) => b.type === 'facts' && b.key.startsWith('finding:APPI-31-1:flow:') && b.key.endsWith('-scores-survey'))).toBe(false);
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

  describe('findings: when each was introduced', () => {
    it('names the version, date and actor of the write that introduced a finding, and which are present since the first version', async () => {
      const name = uniqueMapName('history');
      const first = (await store.importValidMap(smallMap(), [{ name: 'small.yaml', text: '' }], { mapName: name })).map;
      const added = await store.addFlows(name, [{ id: 'signup-health-to-employer', from: 'signup', to: 'employer-ats', dataCategories: ['health'], purposes: ['selection'], basis: 'CONSENT' }], { name: 'dpo-test', role: 'ARCHITECT' });
      expect(added.map.version).toBe(first.version + 1);
      const blocks = await blocksOf(builder('findings'), input(added.map));
      const old = facts(blocks, 'finding:APPI-27-1:flow:signup-to-employer');
      const fresh = facts(blocks, 'finding:APPI-27-1:flow:signup-health-to-employer');
      expect(old).toMatchObject({ introducedVersion: first.version, introduced: expect.stringContaining('first recorded version') });
      expect(fresh).toMatchObject({ introducedVersion: added.map.version, introducedBy: 'dpo-test (ARCHITECT)' });
      expect(fresh.introduced).not.toContain('first recorded version');
      expect(typeof fresh.introducedAt).toBe('string');
      const rows = table(blocks, 'findings');
      expect(rows.find((r) => r.id === 'APPI-27-1:flow:signup-health-to-employer')?.introducedVersion).toBe(added.map.version);
    });
  });

  describe('disclosure', () => {
    const scoreCategory = 'Selection-withdrawal / offer-decline likelihood, 5 levels, per named student';

    it('lists the client companies as recipients of the offer-decline score, with the consent the student never gave marked missing', async () => {
      const blocks = await blocksOf(builder('disclosure'), input(rikunabi, { person: 'rn2020-no-consent' }));
      expect(facts(blocks, 'person')).toMatchObject({ id: 'rn2020-no-consent', count: 7983 });
      const scores = table(blocks, 'recipients').filter((r) => r.category === scoreCategory);
      expect(new Set(scores.map((r) => r.organization))).toEqual(new Set(SCORE_USERS.map((id) => organizationNames.get(id))));
      for (const r of scores) {
        expect(r).toMatchObject({ basis: 'CONSENT', sender: 'Recruit Career Co., Ltd.' });
        expect(isMissing(r.consent)).toBe(true);
        expect(r.findings).toEqual(expect.arrayContaining(['APPI-27-1', 'ESA-5-5-PROFILE']));
      }
      const findings = table(blocks, 'findings');
      expect(findings.map((f) => f.id)).toEqual(expect.arrayContaining(['APPI-27-1:flow:toyota-scores-named', 'ESA-5-5-PROFILE:flow:toyota-scores-named']));
      expect(table(blocks, 'holdings').some((h) => h.category === scoreCategory && h.derived === true)).toBe(true);
      expect(table(blocks, 'sources').map((c) => c.collection).sort()).toEqual(['rikunabi-2020-browsing', 'rikunabi-2020-signup']);
      expect(table(blocks, 'consents')).toEqual([{ notice: 'rikunabi-policy-2018-06', organization: 'Recruit Career Co., Ltd.', givenAt: '2018-06-01', withdrawnAt: null }]);
      expect(facts(blocks, 'trace')).toEqual({ partial: false, cutBy: [] });
    });

    it('near-miss: the students who consented to the March 2019 policy have that consent on the same provisions', async () => {
      const blocks = await blocksOf(builder('disclosure'), input(rikunabi, { person: 'rn2020-consented' }));
      const scores = table(blocks, 'recipients').filter((r) => r.category === scoreCategory);
      expect(scores).toHaveLength(SCORE_USERS.length);
      for (const r of scores) expect(r.consent).toEqual(expect.stringContaining('rikunabi-policy-2019-03'));
    });

    it('writes Japanese: the count of people and the missing consent as the law cites it', async () => {
      const blocks = await blocksOf(builder('disclosure'), input(rikunabi, { person: 'rn2020-no-consent', lang: 'ja' }));
      const text = textOf(blocks, 'ja');
      expect(text).toContain('7,983名');
      expect(text).toContain('未記載（個人情報保護法第27条第1項により必須）');
      expect(text).toContain('第33条');
    });

    it('an unknown people entry is NOT_FOUND naming person', async () => {
      await expect(blocksOf(builder('disclosure'), input(rikunabi, { person: 'nobody' }))).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'person' });
      await expect(blocksOf(builder('disclosure'), input(rikunabi, { person: 'nobody' }))).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('breach', () => {
    it('dmp-follow-model: every client company downstream, the students affected and the 1,000-people trigger', async () => {
      const blocks = await blocksOf(builder('breach'), input(rikunabi, { system: 'dmp-follow-model', since: '2019-03-01' }));
      // What the map says the system sends, and to whom: the breach scope must name every one of them.
      const sent = (await catalog.related('flows-from-systems', 'flows', rikunabi, ['dmp-follow-model'])).get('dmp-follow-model')?.items ?? [];
      const recipients = new Set(sent.map((f) => f.recipient).filter((r) => r !== 'recruit-career'));
      expect(recipients).toEqual(new Set(SCORE_USERS));
      const downstream = table(blocks, 'downstreamOrganizations').filter((o) => o.sameOrganization === false);
      expect(new Set(downstream.map((o) => o.organization))).toEqual(new Set(SCORE_USERS.map((id) => organizationNames.get(id))));
      const toyota = downstream.find((o) => o.organization === organizationNames.get('toyota'));
      expect(toyota?.flows).toEqual(expect.arrayContaining(['toyota-scores-named', 'toyota-scores-survey']));
      expect(toyota?.receivedSinceCompromise).toBe(true);

      expect(table(blocks, 'affectedPeople').map((p) => p.id).sort()).toEqual(['rn2019-scored', 'rn2020-consented', 'rn2020-no-consent']);
      const triggers = facts(blocks, 'triggers');
      expect(triggers).toMatchObject({ specialCare: false, moreThan1000: true, affectedPeople: 74878, reportMandatory: true });
      expect(isMissing(triggers.financialLoss as never)).toBe(true);
      expect(isMissing(triggers.wrongfulPurpose as never)).toBe(true);
      const draft = facts(blocks, 'preliminaryReport');
      expect(draft.principals).toBe(74878);
      expect(draft.overview).toContain('Rikunabi DMP Follow scoring models');
      for (const item of ['cause', 'secondaryDamage', 'responseToPrincipals', 'publication', 'recurrencePrevention']) expect(isMissing(draft[item] as never)).toBe(true);
      expect(draft.items).toEqual(expect.arrayContaining(['Selection-withdrawal / offer-decline likelihood, 5 levels, per named student']));
      expect(table(blocks, 'derivations').map((d) => d.id).sort()).toEqual(['applicant-member-matching', 'decline-model-named', 'decline-model-survey']);
      expect(facts(blocks, 'timing')).toMatchObject({ since: '2019-03-01', finalDueAtTheEarliest: '2019-03-31', finalDueAtTheEarliestTrigger3: '2019-04-30', awareOn: { missing: true } });
      expect(facts(blocks, 'walk')).toEqual({ partial: false, cutBy: [], peopleListsCut: false });
    });

    it('writes Japanese: 74,878名 and the deadlines counted from the day the business became aware', async () => {
      const blocks = await blocksOf(builder('breach'), input(rikunabi, { system: 'dmp-follow-model', since: '2019-03-01', lang: 'ja' }));
      const text = textOf(blocks, 'ja');
      expect(text).toContain('74,878名');
      expect(text).toContain('知った日');
      expect(text).toContain('2019年3月1日');
    });

    describe('near-misses on a small map', () => {
      let small: PinnedMap;
      beforeAll(async () => {
        small = (await store.importValidMap(smallMap(), [{ name: 'small.yaml', text: '' }], { mapName: uniqueMapName('breach') })).map;
      });

      it('a system with no downstream flows has only its own categories, and few people make no mandatory report by count', async () => {
        const blocks = await blocksOf(builder('breach'), input(small, { system: 'employer-ats', since: '2026-11-01' }));
        expect(table(blocks, 'categories').map((c) => [c.system, c.category, c.atCompromisedSystem])).toEqual([['Employer ATS', 'Name', true]]);
        expect(blocks.some((b) => b.type === 'table' && b.key === 'downstreamOrganizations')).toBe(false);
        expect(facts(blocks, 'incident')).toMatchObject({ affectedPeople: 40, downstreamOrganizations: 0 });
        const triggers = facts(blocks, 'triggers');
        expect(triggers).toMatchObject({ specialCare: false, moreThan1000: false, affectedPeople: 40 });
        expect(isMissing(triggers.reportMandatory as never)).toBe(true);
      });

      it('special care-required data at the system makes the report mandatory for any number of people', async () => {
        const blocks = await blocksOf(builder('breach'), input(small, { system: 'signup', since: '2026-11-01' }));
        expect(facts(blocks, 'triggers')).toMatchObject({ specialCare: true, specialCareCategories: ['Health'], moreThan1000: false, reportMandatory: true });
        expect(table(blocks, 'downstreamOrganizations').map((o) => o.organization)).toEqual(['Employer Co.']);
      });

      it('an unknown system is NOT_FOUND naming system; a bad date is refused naming since', async () => {
        await expect(blocksOf(builder('breach'), input(small, { system: 'nowhere', since: '2026-11-01' }))).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'system' });
        await expect(blocksOf(builder('breach'), input(small, { system: 'signup', since: '1 Nov' }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      });
    });
  });
  describe.each([
    { file: 'persol-group.yaml', summary: { critical: 2, high: 1, medium: 0, low: 0 }, person: 'doda-members-2023', system: 'doda-web', foreign: { org: 'merlion-fintech', country: 'SG' } },
    { file: 'wantedly.yaml', summary: { critical: 2, high: 0, medium: 2, low: 0 }, person: 'candidates-2023', system: 'wantedly-hiring-ats', foreign: { org: 'wantedly-sg', country: 'SG' } },
  ])('the other demo maps: $file', ({ file, summary, person, system, foreign }) => {
    let map: PinnedMap;
    beforeAll(async () => {
      map = (await store.importValidMap(loadExample(file), [{ name: file, text: '' }], { mapName: uniqueMapName('demo') })).map;
    });

    it('builds the three kinds in both languages, with the findings the map was built to show and its foreign recipient downstream', async () => {
      const foreignName = (await catalog.byIds('organizations', map, [foreign.org])).get(foreign.org)?.name;
      for (const lang of ['en', 'ja'] as const) {
        const findings = await blocksOf(builder('findings'), input(map, { lang }));
        expect(facts(findings, 'summary')).toMatchObject(summary);
        const disclosure = await blocksOf(builder('disclosure'), input(map, { lang, person }));
        expect(facts(disclosure, 'person')).toMatchObject({ id: person });
        const breach = await blocksOf(builder('breach'), input(map, { lang, system, since: '2024-01-01' }));
        const downstream = table(breach, 'downstreamOrganizations').find((o) => o.country === foreign.country && o.sameOrganization === false);
        expect(downstream).toBeDefined();
        if (lang === 'en') expect(downstream?.organization).toBe(foreignName);
        for (const blocks of [findings, disclosure, breach]) expect(textOf(blocks, lang)).not.toMatch(/undefined|NaN|\{\w+\}/);
      }
    });
  });
});

/** A job site's signup form sending names to an employer on a consent that names no notice (APPI-27-1), and 40 applicants. */
function smallMap(): DataMap {
  return baseMap({
    map: 'small',
    systems: [{ id: 'signup', name: 'Signup form', operator: 'site', collections: [{ id: 'signup-form', dataCategories: ['name', 'health'], method: 'DIRECT', purposes: ['matching'], consent: true }] }],
    flows: [{ id: 'signup-to-employer', from: 'signup', to: 'employer-ats', dataCategories: ['name'], purposes: ['selection'], basis: 'CONSENT' }],
    people: [{ id: 'applicants', subject: 'student', count: 40, uses: ['signup'] }],
  });
}
