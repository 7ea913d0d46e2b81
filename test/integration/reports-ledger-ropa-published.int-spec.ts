import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lang } from '@tadoru/common';
import { DataMap, loadMapSources, serializeMap } from '@tadoru/map';
import { CellValue, isMissing, ReportBlock, ReportBuilder, ReportInput, REPORT_BUILDERS, Row } from '@tadoru/reports';
import { MapStoreService } from '@tadoru/store';
import { baseMap, withElement } from '../support/rule-harness';
import { createTestContext, uniqueMapName } from '../support/test-database';

/** The 21 users of offer-decline scores in the Rikunabi map: 20 client companies and Recruit Co. */
const SCORE_USERS = [
  'recruit-co', 'toyota', 'honda-rd', 'mitsubishi-corp', 'denso', 'denso-techno', 'ntt-comware', 'ntt-facilities', 'tokyo-electron', 'fujisoft',
  'kyocera', 'leopalace21', 'resona', 'aflac', 'daiwa-ir', 'ykk', 'mitsubishi-electric', 'jfe-steel', 'technopro', 'meitec', 'world-intec',
];
const sorted = (ids: string[]) => [...ids].sort();

interface Built {
  blocks: ReportBlock[];
  tables: Record<string, Row[]>;
  facts: Record<string, Record<string, CellValue>>;
  text: string;
}

/** Builds a report the way a renderer reads it: every block in order, every streamed table drained. */
async function build(builder: ReportBuilder, input: ReportInput): Promise<Built> {
  const out: Built = { blocks: [], tables: {}, facts: {}, text: '' };
  const texts: string[] = [];
  for await (const block of builder.build(input, () => undefined)) {
    out.blocks.push(block);
    if (block.type === 'table') {
      const rows: Row[] = [];
      for await (const row of block.rows as AsyncIterable<Row>) rows.push(row);
      expect(out.tables[block.key]).toBeUndefined();
      out.tables[block.key] = rows;
      texts.push(...block.columns.map((c) => c.label));
    } else if (block.type === 'facts') {
      expect(out.facts[block.key]).toBeUndefined();
      out.facts[block.key] = Object.fromEntries(block.facts.map((f) => [f.key, f.value]));
      texts.push(...block.facts.map((f) => f.label));
    } else if (block.type === 'heading' || block.type === 'paragraph') texts.push(block.text);
  }
  out.text = texts.join('\n');
  return out;
}

function loadExample(file: string): string {
  return readFileSync(join(__dirname, '../../examples', file), 'utf8');
}

describe('ledger, ropa and published-matters reports', () => {
  let ctx: INestApplicationContext;
  let store: MapStoreService;
  let kinds: Map<string, ReportBuilder>;
  const inputs = new Map<string, Omit<ReportInput, 'lang' | 'asOf'>>();

  async function importMap(key: string, text: string): Promise<void> {
    const { map } = await store.importMap([{ name: `${key}.yaml`, text }], { mapName: uniqueMapName(key) });
    inputs.set(key, { map, version: map.version, person: null, system: null, since: null });
  }
  const input = (key: string, lang: Lang = 'en', asOf: string | null = null): ReportInput => ({ ...(inputs.get(key) as ReportInput), lang, asOf });
  const report = (kind: string, key: string, lang: Lang = 'en', asOf: string | null = null) => build(kinds.get(kind) as ReportBuilder, input(key, lang, asOf));

  beforeAll(async () => {
    ctx = await createTestContext();
    store = ctx.get(MapStoreService);
    kinds = new Map(ctx.get<ReportBuilder[]>(REPORT_BUILDERS).map((b) => [b.kind, b]));
    for (const file of ['rikunabi-2019', 'persol-group', 'wantedly']) await importMap(file, loadExample(`${file}.yaml`));
  });
  afterAll(() => ctx.close());

  describe('ledger of rikunabi-2019', () => {
    let en: Built;
    beforeAll(async () => {
      en = await report('ledger', 'rikunabi-2019');
    });

    it('records every named score delivery to a client company as a provision, consent flagged missing, 62,548 people of whom 7,983 did not consent', () => {
      const provisions = en.tables.records.filter((r) => String(r.recordType).startsWith('Provision'));
      const named = provisions.filter((r) => String(r.flow).endsWith('-scores-named'));
      expect(sorted(named.map((r) => r.recipientId as string))).toEqual(sorted(SCORE_USERS));
      const toyota = named.find((r) => r.recipientId === 'toyota') as Row;
      expect(toyota).toMatchObject({
        provider: 'Recruit Career Co., Ltd.',
        recipient: 'Toyota Motor Corporation',
        from: '2019-03-01',
        to: '2019-07-31',
        basisCode: 'CONSENT',
        notice: 'rikunabi-policy-2019-03',
        peopleCount: 62548,
        consentedPeople: 54565,
        unconsentedPeople: 7983,
        consentNotices: ['rikunabi-policy-2019-03'],
        recordsKept: false,
      });
      expect(toyota.consent).toEqual({ missing: true, requiredBy: 'APPI Rules 20(1)(ii)' });
      expect(toyota.categories).toEqual(['Selection-withdrawal / offer-decline likelihood, 5 levels, per named student', 'Student name (2020 cohort)']);
      expect(sorted(toyota.people as string[])).toEqual(['rn2020-consented', 'rn2020-no-consent']);
    });

    it('records the receipt of each named score at the client company, with the missing address and representative and how Recruit Career acquired the data', () => {
      const receipts = en.tables.records.filter((r) => String(r.recordType).startsWith('Receipt'));
      expect(sorted(receipts.map((r) => r.flow as string))).toEqual(sorted(SCORE_USERS.map((c) => `${c}-scores-named`)));
      const toyota = receipts.find((r) => r.recipientId === 'toyota') as Row;
      expect(toyota.providerAddress).toEqual({ missing: true, requiredBy: 'APPI Rules 24(1)(ii)' });
      expect(toyota.providerRepresentative).toEqual({ missing: true, requiredBy: 'APPI Rules 24(1)(ii)' });
      expect(toyota.consent).toEqual({ missing: true, requiredBy: 'APPI Rules 24(1)(ii)' });
      const acquisition = (toyota.acquisition as string[]).join('\n');
      expect(acquisition).toContain('collection rikunabi-2020-signup');
      expect(acquisition).toContain('directly from the person');
      expect(acquisition).toContain('derivation decline-model-named');
      // A provision record does not carry the recipient's address: Rules 20 require only matters identifying it.
      const provision = en.tables.records.find((r) => r.flow === 'toyota-scores-named' && String(r.recordType).startsWith('Provision')) as Row;
      expect(provision.recipientAddress).toBeNull();
    });

    it('records the survey-period scores keyed by applicant id as personally referable information to recipients that can identify', () => {
      const pri = en.tables.records.filter((r) => String(r.recordType).startsWith('Personally referable'));
      expect(sorted(pri.map((r) => r.flow as string))).toEqual(sorted([...SCORE_USERS.map((c) => `${c}-scores-survey`), 'minshu-verification-2017', 'partner-to-model']));
      const toyota = pri.find((r) => r.flow === 'toyota-scores-survey') as Row;
      expect(toyota.consent).toEqual({ missing: true, requiredBy: 'APPI Art. 31(1)(i); Rules 28(1)' });
      expect(isMissing(toyota.recipientAddress)).toBe(true);
    });

    it('near-miss: entrustment and internal flows are no provision records, and the report says why, with a count', () => {
      const recorded = new Set(en.tables.records.map((r) => r.flow));
      for (const c of SCORE_USERS) {
        expect(recorded.has(`${c}-applicants-named`)).toBe(false);
        expect(recorded.has(`${c}-outcomes-survey`)).toBe(false);
      }
      expect(recorded.has('rikunabi-2020-to-model')).toBe(false);
      const excluded = new Map(en.tables.excluded.map((r) => [r.flow, r.reason]));
      expect(excluded.get('toyota-applicants-named')).toBe('entrustment');
      expect(excluded.get('toyota-outcomes-survey')).toBe('entrustment');
      // Cookie-keyed data to Recruit's own companies, which hold no name of the 2019 cohort: no Art. 31 record.
      expect(excluded.get('rcom-dmp-to-model')).toBe('recipient-cannot-identify');
      expect(en.tables.exclusionReasons).toEqual([
        expect.objectContaining({ reason: 'entrustment', flows: 42 }),
        expect.objectContaining({ reason: 'recipient-cannot-identify', flows: 2 }),
      ]);
      expect(en.facts.summary).toMatchObject({ provisions: 21, receipts: 21, personallyReferable: 23, flowsLeftOut: 44, flowsWithinOrganization: 2 });
      expect(en.facts.summary.peopleInProvisions).toBe(21 * 62548);
      expect(en.facts.summary.recordsWithMissingItems).toBe(21 + 21 + 23);
    });

    it('as of a day before the named period, the named deliveries are left out; on 2019-05-01 NTT Facilities has stopped', async () => {
      const before = await report('ledger', 'rikunabi-2019', 'en', '2018-10-01');
      const flows = new Set(before.tables.records.map((r) => r.flow));
      expect(flows.has('toyota-scores-named')).toBe(false);
      expect(flows.has('toyota-scores-survey')).toBe(true);
      expect(before.facts.summary).toMatchObject({ provisions: 0, receipts: 0, personallyReferable: 21 });
      const may = await report('ledger', 'rikunabi-2019', 'en', '2019-05-01');
      const named = may.tables.records.filter((r) => String(r.flow).endsWith('-scores-named') && String(r.recordType).startsWith('Provision'));
      expect(named).toHaveLength(20);
      expect(named.map((r) => r.recipientId)).not.toContain('ntt-facilities');
    });

    it('is written in Japanese: labels, the recipient by its Japanese name, the consent item as the Rules name it', async () => {
      const ja = await report('ledger', 'rikunabi-2019', 'ja');
      expect(ja.text).toContain('提供先');
      expect(ja.text).toContain('本人の同意を得ている旨');
      expect(ja.text).toContain('提供年月日');
      const toyota = ja.tables.records.find((r) => r.flow === 'toyota-scores-named') as Row;
      expect(toyota).toMatchObject({ recipient: 'トヨタ自動車株式会社', provider: '株式会社リクルートキャリア', recordType: '第三者提供（法第29条）' });
      expect(toyota.missingItems).toContain('本人の同意を得ている旨');
    });
  });
  describe.each(['rikunabi-2019', 'persol-group', 'wantedly'])('ropa and published-matters of %s', (file) => {
    let operators: Map<string, { name: string; nameJa?: string }>;
    let purposeNames: Set<string>;
    beforeAll(() => {
      const { map } = loadMapSources([{ name: file, text: loadExample(`${file}.yaml`) }]);
      const orgs = new Map((map?.organizations ?? []).map((o) => [o.id, o]));
      operators = new Map((map?.systems ?? []).map((sys) => [sys.operator, orgs.get(sys.operator) as { name: string; nameJa?: string }]));
      const used = new Set((map?.systems ?? []).flatMap((sys) => (sys.collections ?? []).flatMap((c) => c.purposes ?? [])));
      purposeNames = new Set((map?.purposes ?? []).filter((p) => used.has(p.id)).map((p) => p.name));
    });

    it('ropa names every operating organization as a controller, flags the missing contact, lists the purposes and categories', async () => {
      const ropa = await report('ropa', file);
      expect(sorted(ropa.tables.controllers.map((r) => r.organization as string))).toEqual(sorted([...operators.keys()]));
      for (const row of ropa.tables.controllers) {
        expect(row.name).toBe(operators.get(row.organization as string)?.name);
        expect(row.contact).toEqual({ missing: true, requiredBy: 'GDPR Art. 30(1)(a)' });
        expect(isMissing(row.erasureTimeLimits)).toBe(false);
        expect(String(row.securityMeasures)).toContain('Not recorded');
      }
      expect(ropa.facts.summary.controllers).toBe(operators.size);
      const purposes = new Set(ropa.tables.purposes.map((r) => r.purpose));
      for (const name of purposeNames) expect(purposes).toContain(name);
      expect(ropa.tables.categories.length).toBeGreaterThan(0);
    });

    it('published-matters names every operating organization, flags the missing address and representative, lists the purposes of use', async () => {
      const ja = await report('published-matters', file, 'ja');
      expect(sorted(ja.tables.businessOperators.map((r) => r.organization as string))).toEqual(sorted([...operators.keys()]));
      for (const row of ja.tables.businessOperators) {
        const org = operators.get(row.organization as string);
        expect(row.name).toBe(org?.nameJa ?? org?.name);
        expect(row.address).toEqual({ missing: true, requiredBy: 'APPI Art. 32(1)(i)' });
        expect(row.representative).toEqual({ missing: true, requiredBy: 'APPI Art. 32(1)(i)' });
        expect(row.securityMeasures).toEqual({ missing: true, requiredBy: 'APPI Order Art. 10(i)' });
      }
      expect(ja.tables.requestProcedures).toHaveLength(operators.size * 4);
      const purposes = new Set(ja.tables.purposesOfUse.map((r) => r.purpose));
      for (const name of purposeNames) expect(purposes).toContain(name);
      expect(ja.text).toContain('保有個人データ');
      expect(ja.text).toContain('代表者の氏名');
    });
  });

  it('rikunabi-2019: Recruit Career states job matching and recruiting support, and its recipients include every score user as an employer', async () => {
    const ropa = await report('ropa', 'rikunabi-2019');
    const rca = ropa.tables.purposes.filter((r) => r.organization === 'Recruit Career Co., Ltd.').map((r) => r.purposeId);
    expect(rca).toEqual(expect.arrayContaining(['job-matching', 'recruiting-support', 'decline-prediction']));
    const recipients = ropa.tables.recipients.filter((r) => r.organization === 'Recruit Career Co., Ltd.');
    expect(sorted(recipients.map((r) => r.recipientId as string))).toEqual(sorted(SCORE_USERS));
    expect(recipients.find((r) => r.recipientId === 'toyota')).toMatchObject({ roles: ['employer'], flowCount: 2 });
    expect(ropa.tables.transfers).toEqual([]);
    const published = await report('published-matters', 'rikunabi-2019');
    expect(published.tables.jointUse).toEqual([]);
    expect(published.tables.optOut).toEqual([]);
  });

  it('persol-group: the group shared use is published with its manager, and the transfer to Singapore lacks safeguards', async () => {
    const published = await report('published-matters', 'persol-group', 'ja');
    expect(published.tables.jointUse.length).toBeGreaterThan(0);
    for (const row of published.tables.jointUse) {
      expect(isMissing(row.manager)).toBe(false);
      expect(row.managerAddress).toEqual({ missing: true, requiredBy: 'APPI Art. 27(5)(iii)' });
    }
    const ropa = await report('ropa', 'persol-group');
    const sg = ropa.tables.transfers.find((r) => r.flow === 'apply-to-merlion-sg') as Row;
    expect(sg).toMatchObject({ country: 'SG', safeguards: { missing: true, requiredBy: 'GDPR Art. 30(1)(e)' } });
  });

  describe('a small hand-made map', () => {
    const tiny = (): DataMap => {
      const map = baseMap({
        map: 'reports-tiny',
        notices: [
          {
            id: 'site-notice',
            organization: 'site',
            publishedAt: '2020-01-01',
            purposes: ['matching'],
            provisions: [{ recipients: ['employer'], dataCategories: ['name'], purposes: ['selection'], countries: [] }],
            sharedUse: { users: ['grp'], dataCategories: ['name'], purposes: ['matching'], manager: 'site' },
          },
        ],
        flows: [
          { id: 'a-consented', from: 'site-db', to: 'employer-ats', dataCategories: ['name'], purposes: ['selection'], basis: 'CONSENT', notice: 'site-notice', recordsKept: true, validFrom: '2020-02-01' },
          { id: 'b-opt-out', from: 'site-db', to: 'employer-ats', dataCategories: ['score'], purposes: ['selection'], basis: 'OPT_OUT' },
          { id: 'c-entrusted', from: 'site-db', to: 'vendor-box', dataCategories: ['name'], purposes: ['matching'], basis: 'ENTRUSTMENT' },
          { id: 'd-entrusted-abroad', from: 'site-db', to: 'foreign-app', dataCategories: ['name'], purposes: ['matching'], basis: 'ENTRUSTMENT' },
          { id: 'e-law', from: 'site-db', to: 'employer-ats', dataCategories: ['name'], basis: 'LAW' },
          { id: 'f-eu', from: 'site-db', to: 'eu-app', dataCategories: ['name'], purposes: ['matching'], basis: 'ENTRUSTMENT', equivalentMeasures: true, validFrom: '2021-01-01' },
          { id: 'g-stats', from: 'site-db', to: 'employer-ats', dataCategories: ['stats'], basis: 'NOT_PERSONAL' },
        ],
        people: [{ id: 'members', subject: 'student', count: 40, uses: ['site-web'], consents: [{ notice: 'site-notice', at: '2020-01-15' }] }],
      });
      map.systems = withElement(map.systems, 'site-web', { collections: [{ id: 'site-signup', dataCategories: ['name'], method: 'DIRECT', purposes: ['matching'], notice: 'site-notice' }] });
      return map;
    };
    beforeAll(() => importMap('tiny', serializeMap(tiny())));

    it('ledger: consent recorded as obtained, opt-out without date or filing flagged, entrustment abroad recorded, entrustment at home, legal exceptions and statistics left out', async () => {
      const ledger = await report('ledger', 'tiny');
      const records = (flow: string) => ledger.tables.records.filter((r) => r.flow === flow);
      const [provision, receipt] = records('a-consented');
      expect(provision).toMatchObject({ consent: true, peopleCount: 40, consentedPeople: 40, unconsentedPeople: 0, from: '2020-02-01', missingItems: [] });
      expect(receipt.acquisition).toEqual(['collection site-signup (site-web): Name, directly from the person, notice site-notice']);
      const [optOut, optOutReceipt] = records('b-opt-out');
      expect(optOut.from).toEqual({ missing: true, requiredBy: 'APPI Rules 20(1)(i)' });
      expect(optOut.consent).toBeNull();
      expect(optOutReceipt.optOutFiled).toEqual({ missing: true, requiredBy: 'APPI Rules 24(1)(i)' });
      expect(optOutReceipt.acquisition).toEqual({ missing: true, requiredBy: 'APPI Art. 30(1)(ii); APPI Rules 24(1)(i)' });
      const [abroad] = records('d-entrusted-abroad');
      expect(abroad).toMatchObject({ recipientCountry: 'SG', requiredBy: 'APPI Art. 29(1), 28(1); APPI Rules 20(1)(ii)', consent: { missing: true, requiredBy: 'APPI Rules 20(1)(ii)' } });
      const excluded = Object.fromEntries(ledger.tables.excluded.map((r) => [r.flow, r.reason]));
      expect(excluded).toEqual({ 'c-entrusted': 'entrustment', 'e-law': 'law', 'f-eu': 'entrustment', 'g-stats': 'no-personal-data' });
      expect(ledger.facts.summary).toMatchObject({ provisions: 3, receipts: 3, personallyReferable: 0, flowsLeftOut: 4, recordsWithMissingItems: 5 });
    });

    it('as of a day before a flow began, the flow is left out of every report', async () => {
      const ledger = await report('ledger', 'tiny', 'en', '2020-01-20');
      expect(ledger.tables.records.map((r) => r.flow)).not.toContain('a-consented');
      expect(ledger.tables.excluded.map((r) => r.flow)).not.toContain('f-eu');
      const ropa = await report('ropa', 'tiny', 'en', '2020-06-01');
      expect(ropa.tables.transfers.map((r) => r.flow)).toEqual(['d-entrusted-abroad']);
      const later = await report('ropa', 'tiny', 'en', '2021-06-01');
      expect(later.tables.transfers.map((r) => [r.flow, r.safeguards])).toEqual([
        ['d-entrusted-abroad', { missing: true, requiredBy: 'GDPR Art. 30(1)(e)' }],
        ['f-eu', 'Recipient bound to equivalent measures'],
      ]);
      const before = await report('published-matters', 'tiny', 'en', '2019-12-31');
      expect(before.tables.jointUse).toEqual([]);
    });

    it('published-matters: the joint use with its manager, and the opt-out items flagged', async () => {
      const ja = await report('published-matters', 'tiny', 'ja');
      expect(ja.tables.jointUse).toEqual([
        expect.objectContaining({ notice: 'site-notice', items: ['Name'], users: ['Group'], purposes: ['Job matching'], manager: 'Job Site Co.' }),
      ]);
      expect(ja.tables.optOut).toEqual([
        expect.objectContaining({ organization: 'Job Site Co.', flows: ['b-opt-out'], items: ['Decline score'], filed: { missing: true, requiredBy: 'APPI Art. 27(2)' }, startDate: { missing: true, requiredBy: 'APPI Art. 27(2)(viii); Rules 11' } }),
      ]);
      expect(ja.facts.summary).toMatchObject({ businessOperators: 6, jointUse: 1, optOut: 1 });
    });
  });
});
