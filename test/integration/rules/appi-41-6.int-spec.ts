import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-41-6';

/** The job site sends pseudonymized logs (and names) to the employer; `flow` changes that flow. */
function mapWith(flow: Partial<Flow> = {}, extra: Partial<DataMap> = {}): DataMap {
  return baseMap({
    flows: [{ id: 'logs-out', from: 'site-web', to: 'employer-ats', dataCategories: ['name', 'pseudo'], purposes: ['selection'], basis: 'CONSENT', ...flow } as Flow],
    ...extra,
  });
}

describe(`${RULE}: pseudonymized information provided to a third party`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires on a cross-organization flow carrying a PSEUDONYMIZED category on basis CONSENT, naming only that category', async () => {
    const findings = await findingsOfRule(ctx, RULE, mapWith());
    expect(findings.size).toBe(1);
    const f = findings.get('logs-out');
    expect(f).toMatchObject({ severity: 'high', target: { kind: 'flow', id: 'logs-out' }, affectedPeople: null, organizations: ['site', 'employer'], reason: null });
    expect(f?.evidence).toMatchObject({ categories: ['pseudo'], sender: 'site', recipient: 'employer', basis: 'CONSENT' });
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.message).toContain('pseudonymized information (pseudo) from site to another company, employer, on basis CONSENT');
    expect(f?.messageJa).toContain('仮名加工情報（pseudo）を site から別法人 employer に根拠 CONSENT で提供');
  });

  it('fires on every basis other than ENTRUSTMENT, SHARED_USE, SUCCESSION and LAW', async () => {
    for (const basis of ['INTERNAL', 'OPT_OUT', 'NOT_PERSONAL'] as const) {
      const f = (await findingsOfRule(ctx, RULE, mapWith({ basis }))).get('logs-out');
      expect(f).toMatchObject({ target: { kind: 'flow', id: 'logs-out' }, evidence: expect.objectContaining({ basis }) });
      expect(f?.message).toContain(basis);
    }
  });

  it('treats a group company as a third party, and a flow carrying only pseudonymized data too', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ to: 'sister-app', dataCategories: ['pseudo'], basis: 'INTERNAL' }))).get('logs-out');
    expect(f).toMatchObject({ organizations: ['site', 'sister'], evidence: expect.objectContaining({ categories: ['pseudo'] }) });
  });

  it('near-miss: the exempt bases', async () => {
    for (const basis of ['ENTRUSTMENT', 'SHARED_USE', 'SUCCESSION', 'LAW'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ basis }))).size).toBe(0);
    }
  });

  it('near-miss: within one organization', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'site-db', basis: 'INTERNAL' }))).size).toBe(0);
  });

  it('near-miss: no PSEUDONYMIZED category carried', async () => {
    const map = mapWith({ dataCategories: ['name', 'health', 'browsing', 'stats', 'anon'] }, { dataCategories: [{ id: 'anon', name: 'Anonymized logs', subject: 'student', class: 'ANONYMIZED' }] });
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('with --as-of, leaves out flows not running that day', async () => {
    const map = mapWith({ validFrom: '2020-04-01', validTo: '2020-09-30' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2020-03-31' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2020-04-01' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2020-09-30' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2020-10-01' })).size).toBe(0);
  });

  it('traces the path back to where the pseudonymized data was collected', async () => {
    const map = mapWith({ from: 'site-db', dataCategories: ['pseudo'] });
    map.flows!.push({ id: 'web-to-db', from: 'site-web', to: 'site-db', dataCategories: ['pseudo'], basis: 'INTERNAL' });
    map.systems = map.systems!.map((s) => (s.id === 'site-web' ? { ...s, collections: [{ id: 'logs', dataCategories: ['pseudo'], method: 'AUTOMATIC' }] } : s));
    const f = (await findingsOfRule(ctx, RULE, map)).get('logs-out');
    expect(f?.path).toEqual(['site-web', 'site-db', 'employer-ats']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['COLLECTION:site-web', 'FLOW:web-to-db', 'FLOW:logs-out']);
  });
});
