import { INestApplicationContext } from '@nestjs/common';
import { Collection, DataMap } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-20-2';

/** The job site's sign-up form gathers names and health information; `change` alters that collection. */
function mapWith(change: Partial<Collection> = {}, extra: Partial<DataMap> = {}): DataMap {
  const signup: Collection = { id: 'signup', dataCategories: ['name', 'health'], method: 'DIRECT', purposes: ['matching'], ...change };
  const map = baseMap(extra);
  map.systems = map.systems!.map((s) => (s.id === 'site-web' ? { ...s, collections: [signup] } : s));
  return map;
}

describe(`${RULE}: special care-required information collected without consent`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires when a collection gathers a SPECIAL_CARE category and consent is absent, naming only that category', async () => {
    const findings = await findingsOfRule(ctx, RULE, mapWith());
    expect(findings.size).toBe(1);
    const f = findings.get('signup');
    expect(f).toMatchObject({ severity: 'critical', target: { kind: 'collection', id: 'signup' }, affectedPeople: null, organizations: ['site'] });
    expect(f?.evidence).toMatchObject({ categories: ['health'], system: 'site-web', operator: 'site', method: 'DIRECT' });
    expect(f?.path).toEqual(['site-web']);
    expect(f?.message).toBe('Collection signup in system site-web of site gathers special care-required information (health) by DIRECT collection without the people\'s prior consent.');
    expect(f?.messageJa).toContain('要配慮個人情報（health）');
    expect(f?.messageJa).toContain('site-web');
  });

  it('fires when consent is explicitly false, whatever the collection method', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ consent: false }))).get('signup')).toMatchObject({ target: { kind: 'collection', id: 'signup' } });
    const f = (await findingsOfRule(ctx, RULE, mapWith({ consent: false, method: 'THIRD_PARTY', dataCategories: ['health'] }))).get('signup');
    expect(f?.evidence).toMatchObject({ categories: ['health'], method: 'THIRD_PARTY' });
  });

  it('names the operator of the collecting system as the organization', async () => {
    const map = baseMap();
    map.systems = map.systems!.map((s) => (s.id === 'employer-ats' ? { ...s, collections: [{ id: 'health-check', dataCategories: ['health'], method: 'DIRECT' }] } : s));
    const f = (await findingsOfRule(ctx, RULE, map)).get('health-check');
    expect(f).toMatchObject({ organizations: ['employer'], evidence: expect.objectContaining({ operator: 'employer', system: 'employer-ats' }) });
  });

  it('near-miss: consent obtained at collection', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ consent: true }))).size).toBe(0);
  });

  it('near-miss: no SPECIAL_CARE category collected (personal, referable, pseudonymized or statistical data only)', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['name', 'browsing', 'cookie', 'score', 'pseudo', 'stats'] }))).size).toBe(0);
  });

  it('near-miss: health data that only arrives in a flow is not a collection', async () => {
    const map = mapWith({ dataCategories: ['name'] }, { flows: [{ id: 'health-in', from: 'employer-ats', to: 'site-web', dataCategories: ['health'], basis: 'CONSENT' }] });
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('with --as-of, still fires: collections have no validity dates', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith(), { asOf: '2000-01-01' })).get('signup')).toBeDefined();
    expect((await findingsOfRule(ctx, RULE, mapWith({ consent: true }), { asOf: '2000-01-01' })).size).toBe(0);
  });
});
