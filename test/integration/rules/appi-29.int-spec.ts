import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-29';

/** The job site provides names (and browsing history) to the employer; `flow` changes that flow. */
function mapWith(flow: Partial<Flow> = {}, extra: Partial<DataMap> = {}): DataMap {
  return baseMap({
    flows: [{ id: 'to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['name', 'browsing'], purposes: ['selection'], basis: 'CONSENT', ...flow } as Flow],
    people: [{ id: 'students', subject: 'student', count: 40, uses: ['site-web'] }],
    ...extra,
  });
}

describe(`${RULE}: provision records not kept`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires on a CONSENT provision of personal data without records, naming only the personal categories', async () => {
    const findings = await findingsOfRule(ctx, RULE, mapWith());
    expect(findings.size).toBe(1);
    const f = findings.get('to-employer');
    // APPI-29 does not count people, even when people entries are concerned by the flow.
    expect(f).toMatchObject({ severity: 'medium', target: { kind: 'flow', id: 'to-employer' }, affectedPeople: null, organizations: ['site', 'employer'], reason: null });
    expect(f?.evidence).toMatchObject({ categories: ['name'], sender: 'site', recipient: 'employer', basis: 'CONSENT' });
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.message).toBe('Flow to-employer provides personal data (name) from site to employer on basis CONSENT, but no provision records are kept.');
    expect(f?.messageJa).toContain('提供記録が作成・保存されていない');
  });

  it('fires on OPT_OUT, when recordsKept is explicitly false, and for SPECIAL_CARE data', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'OPT_OUT' }))).get('to-employer')).toMatchObject({ evidence: expect.objectContaining({ basis: 'OPT_OUT' }) });
    expect((await findingsOfRule(ctx, RULE, mapWith({ recordsKept: false }))).get('to-employer')).toBeDefined();
    const f = (await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['health'] }))).get('to-employer');
    expect(f?.evidence).toMatchObject({ categories: ['health'] });
  });

  it('lists the personal categories in the flow\'s order, whatever order the store keeps them in', async () => {
    for (const order of [['name', 'health'], ['health', 'name']]) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: order }))).get('to-employer')?.evidence.categories).toEqual(order);
    }
  });

  it('treats a group company as a third party', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'sister-app' }))).get('to-employer')).toMatchObject({ organizations: ['site', 'sister'] });
  });

  it('near-miss: records kept', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ recordsKept: true }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'OPT_OUT', recordsKept: true }))).size).toBe(0);
  });

  it('near-miss: within one organization', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'site-db' }))).size).toBe(0);
  });

  it('near-miss: no personal category carried', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['browsing', 'cookie', 'pseudo', 'stats'] }))).size).toBe(0);
  });

  it('near-miss: bases other than CONSENT and OPT_OUT', async () => {
    for (const basis of ['INTERNAL', 'ENTRUSTMENT', 'SHARED_USE', 'SUCCESSION', 'LAW', 'NOT_PERSONAL'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ basis }))).size).toBe(0);
    }
  });

  it('with --as-of, leaves out flows not running that day', async () => {
    const map = mapWith({ validFrom: '2019-03-01', validTo: '2019-07-31' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-03-01' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-07-31' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-08-01' })).size).toBe(0);
  });

  it('traces the path back to where the personal data was collected', async () => {
    const map = mapWith({ from: 'site-db' });
    map.flows!.push({ id: 'web-to-db', from: 'site-web', to: 'site-db', dataCategories: ['name'], basis: 'INTERNAL' });
    map.systems = map.systems!.map((s) => (s.id === 'site-web' ? { ...s, collections: [{ id: 'signup', dataCategories: ['name'], method: 'DIRECT' }] } : s));
    const f = (await findingsOfRule(ctx, RULE, map)).get('to-employer');
    expect(f?.path).toEqual(['site-web', 'site-db', 'employer-ats']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['COLLECTION:site-web', 'FLOW:web-to-db', 'FLOW:to-employer']);
  });
});
