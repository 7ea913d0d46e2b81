import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-27-1';

/** The job site collects names; one flow sends them (and a score) to the employer. */
function mapWith(flow: Partial<Flow>, extra: Partial<DataMap> = {}): DataMap {
  return baseMap({
    notices: [
      {
        id: 'site-policy',
        organization: 'site',
        publishedAt: '2019-01-01',
        purposes: ['matching', 'selection'],
        provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['name', 'score'], purposes: ['selection'] }],
      },
      { id: 'employer-policy', organization: 'employer', publishedAt: '2019-01-01', purposes: ['selection'] },
    ],
    flows: [{ id: 'to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['name'], purposes: ['selection'], basis: 'CONSENT', notice: 'site-policy', ...flow } as Flow],
    people: [
      { id: 'consented', subject: 'student', count: 100, uses: ['site-web'], consents: [{ notice: 'site-policy', at: '2019-01-10' }] },
      { id: 'silent', subject: 'student', count: 7, uses: ['site-web'] },
      { id: 'elsewhere', subject: 'student', count: 50, uses: ['sister-app'] },
      { id: 'customers', subject: 'customer', count: 1000, uses: ['site-web'] },
    ],
    ...extra,
  });
}

describe(`${RULE}: third-party provision without consent`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('(c) fires for the people concerned who did not consent, counting only them', async () => {
    const findings = await findingsOfRule(ctx, RULE, mapWith({}));
    const f = findings.get('to-employer');
    expect(f).toMatchObject({ severity: 'critical', target: { kind: 'flow', id: 'to-employer' }, affectedPeople: 7, reason: 'c' });
    expect(f?.evidence.people).toEqual(['silent']);
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.message).toContain('7 people');
    expect(f?.messageJa).toContain('7');
  });

  it('lists the personal categories in the flow\'s order, whatever order the store keeps them in', async () => {
    for (const order of [['name', 'score'], ['score', 'name']]) {
      const f = (await findingsOfRule(ctx, RULE, mapWith({ dataCategories: order }))).get('to-employer');
      expect(f?.evidence.categories).toEqual(order);
    }
  });

  it('(c) does not fire when everyone concerned consented to a covering notice in time', async () => {
    const map = mapWith({});
    map.people = map.people!.filter((p) => p.id !== 'silent');
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('(c) counts consent given after the flow started (and after the entry joined) as no consent', async () => {
    const map = mapWith({ validFrom: '2019-01-05' });
    map.people = [{ id: 'late', subject: 'student', count: 3, since: '2019-01-01', uses: ['site-web'], consents: [{ notice: 'site-policy', at: '2019-02-01' }] }];
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')).toMatchObject({ affectedPeople: 3, reason: 'c' });
    // Consent given on the day the flow starts is in time.
    map.people[0].consents![0].at = '2019-01-05';
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('(a) fires on INTERNAL and NOT_PERSONAL bases across organizations, counting everyone concerned', async () => {
    for (const basis of ['INTERNAL', 'NOT_PERSONAL'] as const) {
      const f = (await findingsOfRule(ctx, RULE, mapWith({ basis, notice: undefined }))).get('to-employer');
      expect(f).toMatchObject({ reason: 'a', affectedPeople: 107 });
      expect(f?.message).toContain(basis);
    }
  });

  it('(a) treats group companies as third parties', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ to: 'sister-app', basis: 'INTERNAL', notice: undefined }))).get('to-employer');
    expect(f).toMatchObject({ reason: 'a' });
  });

  it('(b) fires when the notice is missing, is another organization\'s, or covers less than the flow', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ notice: undefined }))).get('to-employer')).toMatchObject({ reason: 'b-no-notice', affectedPeople: 107 });
    expect((await findingsOfRule(ctx, RULE, mapWith({ notice: 'employer-policy' }))).get('to-employer')).toMatchObject({ reason: 'b-other-notice' });
    // A category the provision does not list, a purpose it does not list, a recipient it does not name.
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['name', 'browsing'] }))).get('to-employer')).toMatchObject({ reason: 'b-not-covered' });
    expect((await findingsOfRule(ctx, RULE, mapWith({ purposes: ['selection', 'ads'] }))).get('to-employer')).toMatchObject({ reason: 'b-not-covered' });
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'vendor-box' }))).get('to-employer')).toMatchObject({ reason: 'b-not-covered' });
  });

  it('reports affectedPeople null when no people entry is concerned', async () => {
    const map = mapWith({ basis: 'NOT_PERSONAL', notice: undefined });
    map.people = map.people!.filter((p) => p.id === 'elsewhere' || p.id === 'customers');
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')).toMatchObject({ affectedPeople: null });
  });

  it('near-misses: same organization, nothing personal, or a lawful basis', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'site-db', basis: 'INTERNAL', notice: undefined }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['browsing', 'stats'], basis: 'NOT_PERSONAL', notice: undefined }))).size).toBe(0);
    for (const basis of ['ENTRUSTMENT', 'SHARED_USE', 'SUCCESSION', 'OPT_OUT', 'LAW'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ basis, notice: undefined }))).size).toBe(0);
    }
  });

  it('with --as-of, leaves out flows not running that day and consents not yet given', async () => {
    const map = mapWith({ validFrom: '2019-03-01', validTo: '2019-06-30', basis: 'NOT_PERSONAL', notice: undefined });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-06-30' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-07-01' })).size).toBe(0);
    // As of a day before the only consent, the consented entry had not consented yet.
    const consentLater = mapWith({});
    consentLater.people = [{ id: 'p', subject: 'student', count: 5, uses: ['site-web'], consents: [{ notice: 'site-policy', at: '2019-05-01' }] }];
    expect((await findingsOfRule(ctx, RULE, consentLater, { asOf: '2019-04-01' })).get('to-employer')).toMatchObject({ affectedPeople: 5 });
    expect((await findingsOfRule(ctx, RULE, consentLater, { asOf: '2019-05-01' })).size).toBe(0);
  });

  it('traces the path back to where the data was collected, through a derivation', async () => {
    const map = mapWith({ from: 'site-db', dataCategories: ['score'], basis: 'NOT_PERSONAL', notice: undefined });
    map.systems = map.systems!.map((s) =>
      s.id === 'site-web' ? { ...s, collections: [{ id: 'signup', dataCategories: ['name', 'browsing'], method: 'DIRECT', purposes: ['matching'], notice: 'site-policy' }] } : s,
    );
    map.flows!.push({ id: 'web-to-db', from: 'site-web', to: 'site-db', dataCategories: ['browsing'], basis: 'INTERNAL' });
    map.derivations = [{ id: 'scoring', system: 'site-db', inputs: ['browsing'], outputs: ['score'], purposes: ['selection'] }];
    const f = (await findingsOfRule(ctx, RULE, map)).get('to-employer');
    expect(f?.path).toEqual(['site-web', 'site-db', 'employer-ats']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['COLLECTION:site-web', 'FLOW:web-to-db', 'DERIVATION:scoring', 'FLOW:to-employer']);
  });
});
