import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DPO_QUESTION } from '../../apps/api/src/playground/playground-queries';
import { createTestApi, gql } from '../support/test-api';
import { uniqueMapName } from '../support/test-database';

const IMPORT = `mutation Import($input: ImportMapInput!) { importMap(input: $input) { created } }`;

/** The 20 client companies of the Rikunabi map that received offer-decline scores. */
const CLIENTS = [
  'toyota', 'honda-rd', 'mitsubishi-corp', 'denso', 'denso-techno', 'ntt-comware', 'ntt-facilities', 'tokyo-electron', 'fujisoft', 'kyocera',
  'leopalace21', 'resona', 'aflac', 'daiwa-ir', 'ykk', 'mitsubishi-electric', 'jfe-steel', 'technopro', 'meitec', 'world-intec',
];

describe('lineage, recipients, person trace and findings over GraphQL (Rikunabi demo, real Neo4j)', () => {
  let app: INestApplication;
  const map = uniqueMapName('rikunabi');

  beforeAll(async () => {
    app = await createTestApi();
    const content = readFileSync(join(__dirname, '../../examples/rikunabi-2019.yaml'), 'utf8');
    expect((await gql(app, IMPORT, { input: { content, map } })).errors).toBeUndefined();
  });
  afterAll(() => app.close());

  it("answers the DPO question in one query: every client received the decline score derived from students' browsing history, with purpose, basis and the rules broken", async () => {
    const res = await gql(app, DPO_QUESTION, { map });
    expect(res.errors).toBeUndefined();
    const { rows, partial } = res.data.map.recipients;
    expect(partial).toBe(false);
    const scoreRows = rows.filter((r: any) => r.categoryId === 'rn2020-decline-score');
    const receivers = new Set(scoreRows.map((r: any) => r.organizationName));
    expect(receivers.size).toBeGreaterThanOrEqual(20);
    const toyota = scoreRows.find((r: any) => r.organizationName.includes('Toyota'));
    expect(toyota).toMatchObject({ derived: true, basis: 'CONSENT', notice: { id: 'rikunabi-policy-2019-03' } });
    expect(toyota.purpose.name).toBeTruthy();
    // The way the data came: browsing history collected on the site, scored in the DMP model, sent to Toyota.
    expect(toyota.path.systems[toyota.path.systems.length - 1]).toBe('toyota-ats');
    expect(toyota.path.steps.some((s: any) => s.kind === 'DERIVATION')).toBe(true);
    const rules = toyota.findings.map((f: any) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['APPI-27-1', 'ESA-5-5-PROFILE']));
    expect(toyota.findings.find((f: any) => f.rule === 'APPI-27-1').affectedPeople).toBe(7983);
    // The unlawful step is marked on the path itself.
    expect(toyota.path.steps[toyota.path.steps.length - 1].rulesBroken).toEqual(expect.arrayContaining(['APPI-27-1', 'ESA-5-5-PROFILE']));
  });

  it('lists every client company as a recipient of a subject\'s data (students of 2020)', async () => {
    const res = await gql(app, `query($map: String!) { map(name: $map) { recipients(subject: "student-2020") { categories rows { organizationId categoryId derived } } } }`, { map });
    expect(res.errors).toBeUndefined();
    const orgs = new Set(res.data.map.recipients.rows.filter((r: any) => r.categoryId === 'rn2020-decline-score').map((r: any) => r.organizationId));
    for (const client of CLIENTS) expect(orgs).toContain(client);
    expect(res.data.map.recipients.categories).toContain('rn2020-browsing-member');
  });

  it('traces one cohort: their consent did not cover the named score deliveries, and the findings that concern them', async () => {
    const res = await gql(
      app,
      `query($map: String!) { map(name: $map) { personTrace(person: "rn2020-no-consent") {
        person { id count subject } holdings { systemId categoryId derived }
        recipients { organizationId flowId categoryId consent { concerned consented withdrawn } }
        findings { rule target { id } affectedPeople } partial } } }`,
      { map },
    );
    expect(res.errors).toBeUndefined();
    const t = res.data.map.personTrace;
    expect(t.person).toMatchObject({ id: 'rn2020-no-consent', count: 7983, subject: 'student-2020' });
    expect(t.holdings.some((h: any) => h.systemId === 'toyota-ats' && h.categoryId === 'rn2020-decline-score' && h.derived)).toBe(true);
    const toToyota = t.recipients.find((r: any) => r.flowId === 'toyota-scores-named');
    expect(toToyota.consent).toMatchObject({ concerned: true, consented: false });
    expect(t.findings.some((f: any) => f.rule === 'APPI-27-1' && f.target.id === 'toyota-scores-named' && f.affectedPeople === 7983)).toBe(true);
  });

  it('shows the consenting cohort as covered for the same flow', async () => {
    const res = await gql(app, `query($map: String!) { map(name: $map) { recipients(person: "rn2020-consented") { rows { flowId consent { concerned consented } } } } }`, { map });
    expect(res.errors).toBeUndefined();
    const row = res.data.map.recipients.rows.find((r: any) => r.flowId === 'toyota-scores-named');
    expect(row.consent).toMatchObject({ concerned: true, consented: true });
  });

  it('filters findings by rule, severity, organization, target and date, with a summary', async () => {
    const q = `query($map: String!, $rule: [String!], $severity: [Severity!], $organization: String, $targetId: String, $asOf: String) {
      map(name: $map) { findings(rule: $rule, severity: $severity, organization: $organization, targetId: $targetId, asOf: $asOf, first: 1000) {
        totalCount summary { critical high medium low } nodes { id rule severity target { kind id } organizations } } } }`;
    const all = await gql(app, q, { map });
    expect(all.errors).toBeUndefined();
    const total = all.data.map.findings.totalCount;
    expect(total).toBeGreaterThan(100);
    const s = all.data.map.findings.summary;
    expect(s.critical + s.high + s.medium + s.low).toBe(total);

    const esa = await gql(app, q, { map, rule: ['ESA-5-5-PROFILE'] });
    expect(esa.data.map.findings.nodes.every((f: any) => f.rule === 'ESA-5-5-PROFILE')).toBe(true);
    const critical = await gql(app, q, { map, severity: ['CRITICAL'] });
    expect(critical.data.map.findings.nodes.every((f: any) => f.severity === 'CRITICAL')).toBe(true);
    expect(critical.data.map.findings.totalCount).toBe(s.critical);
    const toyota = await gql(app, q, { map, organization: 'toyota' });
    expect(toyota.data.map.findings.nodes.length).toBeGreaterThan(0);
    expect(toyota.data.map.findings.nodes.every((f: any) => f.organizations.includes('toyota'))).toBe(true);
    const one = await gql(app, q, { map, targetId: 'toyota-scores-named' });
    expect(new Set(one.data.map.findings.nodes.map((f: any) => f.target.id))).toEqual(new Set(['toyota-scores-named']));
    // Before the named period, the named deliveries did not exist.
    const survey = await gql(app, q, { map, targetId: 'toyota-scores-named', asOf: '2018-06-01' });
    expect(survey.data.map.findings.totalCount).toBe(0);
  });

  it('pages findings with cursors', async () => {
    const q = `query($map: String!, $after: String) { map(name: $map) { findings(first: 100, after: $after) { totalCount hasNextPage endCursor nodes { id } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await gql(app, q, { map, after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.map.findings.nodes.map((n: any) => n.id));
      if (!res.data.map.findings.hasNextPage) break;
      after = res.data.map.findings.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const total = (await gql(app, q, { map })).data.map.findings.totalCount;
    expect(seen).toHaveLength(total);
  });

  it('explains one finding: rule, facts, path and the people affected; NOT_FOUND for one the map does not have', async () => {
    const q = `query($map: String!, $id: String!) { map(name: $map) { finding(id: $id) {
      summary summaryJa rule { id citation condition } finding { affectedPeople path pathSteps { kind via } } people { id count } } } }`;
    const res = await gql(app, q, { map, id: 'APPI-27-1:flow:toyota-scores-named' });
    expect(res.errors).toBeUndefined();
    const e = res.data.map.finding;
    expect(e.rule).toMatchObject({ id: 'APPI-27-1' });
    expect(e.rule.citation).toContain('27(1)');
    expect(e.people).toEqual([{ id: 'rn2020-no-consent', count: 7983 }]);
    expect(e.summary).toContain('7,983');
    expect(e.summaryJa).toContain('第三者');
    expect(e.finding.pathSteps[e.finding.pathSteps.length - 1]).toEqual({ kind: 'FLOW', via: 'toyota-scores-named' });

    const missing = await gql(app, q, { map, id: 'APPI-27-1:flow:rikunabi-web-to-dmp-nonexistent' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await gql(app, q, { map, id: 'not-a-finding' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.problems?.[0].path).toBe('id');
  });

  it('lineage is bounded and says when it was cut', async () => {
    const q = `query($map: String!, $maxDepth: Int, $maxNodes: Int) { map(name: $map) {
      lineage(category: "rn2020-browsing-member", direction: DOWNSTREAM, maxDepth: $maxDepth, maxNodes: $maxNodes) {
        partial cutBy nodes { asset depth reachedVia { kind via } } } } }`;
    const full = await gql(app, q, { map, maxDepth: 20 });
    expect(full.errors).toBeUndefined();
    expect(full.data.map.lineage.partial).toBe(false);
    expect(full.data.map.lineage.nodes.some((n: any) => n.asset === 'toyota-ats/rn2020-decline-score')).toBe(true);
    const shallow = await gql(app, q, { map, maxDepth: 1 });
    expect(shallow.data.map.lineage).toMatchObject({ partial: true, cutBy: ['MAX_DEPTH'] });
    expect(shallow.data.map.lineage.nodes.every((n: any) => n.depth <= 1)).toBe(true);
    const few = await gql(app, q, { map, maxNodes: 3 });
    expect(few.data.map.lineage).toMatchObject({ partial: true, cutBy: ['MAX_NODES'] });
    expect(few.data.map.lineage.nodes).toHaveLength(3);
  });

  it('rejects bad arguments naming the field, and unknown ids as NOT_FOUND, without leaking internals', async () => {
    const cases: Array<[string, string, string]> = [
      ['recipients(category: "rn2020-name", subject: "student-2020") { totalCount }', 'BAD_USER_INPUT', 'category'],
      ['recipients(category: "nope") { totalCount }', 'NOT_FOUND', ''],
      ['lineage(category: "rn2020-name", maxDepth: 0) { partial }', 'BAD_USER_INPUT', 'maxDepth'],
      ['lineage(category: "rn2020-name", asOf: "2019-02-30") { partial }', 'BAD_USER_INPUT', 'asOf'],
      ['findings(rule: ["APPI-99"]) { totalCount }', 'BAD_USER_INPUT', 'rule'],
      ['personTrace(person: "nobody") { partial }', 'NOT_FOUND', ''],
    ];
    for (const [field, code, path] of cases) {
      const res = await gql(app, `query($map: String!) { map(name: $map) { ${field} } }`, { map });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      if (path) expect(res.errors?.[0].extensions?.problems?.map((p) => p.path)).toContain(path);
      expect(JSON.stringify(res.errors)).not.toMatch(/MATCH|stacktrace|at .*\.ts/);
    }
  });

  it('lists the rule catalogue', async () => {
    const res = await gql(app, `{ rules { id severity targets citation explanation { en ja } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.rules.map((r: any) => r.id)).toEqual([
      'APPI-18-1', 'APPI-20-2', 'APPI-21-1', 'APPI-27-1', 'APPI-27-2', 'APPI-27-5-1', 'APPI-27-5-3', 'APPI-28-1', 'APPI-29', 'APPI-31-1', 'APPI-35', 'APPI-41-6', 'ESA-5-5-PROFILE',
    ]);
    expect(res.data.rules.find((r: any) => r.id === 'APPI-21-1').targets).toEqual(['FLOW', 'DERIVATION', 'COLLECTION']);
  });
});
