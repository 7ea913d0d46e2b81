import { INestApplicationContext } from '@nestjs/common';
import { Collection, DataMap, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule, withElement } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-31-1';

const collecting = (id: string, dataCategories: string[]): Collection => ({ id, dataCategories, method: 'DIRECT', purposes: ['selection'] });

/**
 * The job site sends cookie-keyed browsing history to the employer as "not personal". The site's
 * notice covers giving browsing history to employers; the employer's notice covers its own receipt.
 */
function mapWith(flow: Partial<Flow>, extra: Partial<DataMap> = {}): DataMap {
  return baseMap({
    notices: [
      {
        id: 'site-policy',
        organization: 'site',
        publishedAt: '2019-01-01',
        purposes: ['matching', 'selection'],
        provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['cookie', 'browsing'], purposes: ['selection'] }],
      },
      {
        id: 'employer-policy',
        organization: 'employer',
        publishedAt: '2019-01-01',
        purposes: ['selection'],
        provisions: [{ recipients: ['employer'], dataCategories: ['cookie', 'browsing'], purposes: ['selection'] }],
      },
      { id: 'narrow-policy', organization: 'site', publishedAt: '2019-01-01', purposes: ['selection'], provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['browsing'], purposes: ['selection'] }] },
    ],
    flows: [{ id: 'to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['cookie', 'browsing'], purposes: ['selection'], basis: 'NOT_PERSONAL', ...flow } as Flow],
    ...extra,
  });
}

/** The employer collects the students' cookie id and names itself: it can link what it receives. */
function linkableMap(flow: Partial<Flow> = {}): DataMap {
  const map = mapWith(flow);
  map.systems = withElement(map.systems, 'employer-ats', { collections: [collecting('employer-tags', ['cookie']), collecting('employer-applications', ['name'])] });
  return map;
}

describe(`${RULE}: personally referable data to a recipient that can identify`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires when recipientCanIdentify is declared true, whatever the recipient holds', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['browsing'], recipientCanIdentify: true }))).get('to-employer');
    expect(f).toMatchObject({ severity: 'critical', target: { kind: 'flow', id: 'to-employer' }, affectedPeople: null, reason: 'declared' });
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.organizations).toEqual(['site', 'employer']);
    expect(f?.evidence).toMatchObject({ categories: ['browsing'], basis: 'NOT_PERSONAL' });
    expect(f?.message).toContain('recipientCanIdentify');
    expect(f?.messageJa).toContain('browsing');
  });

  it('infers identification from a link key and personal data the recipient collects itself', async () => {
    const f = (await findingsOfRule(ctx, RULE, linkableMap())).get('to-employer');
    expect(f).toMatchObject({ reason: 'inferred', affectedPeople: null, evidence: { linkKeys: ['cookie'], identifying: ['name'], subjects: ['student'] } });
    expect(f?.evidence.categories).toEqual(['cookie', 'browsing']);
    expect(f?.message).toContain('cookie');
    expect(f?.message).toContain('name');
    expect(f?.messageJa).toContain('cookie');
  });

  it('infers identification from a link key and personal data received in other flows', async () => {
    const map = mapWith({});
    map.systems = withElement(map.systems, 'vendor-box', { collections: [collecting('vendor-tags', ['cookie', 'name'])] });
    map.flows!.push(
      { id: 'vendor-cookies', from: 'vendor-box', to: 'employer-ats', dataCategories: ['cookie'], basis: 'NOT_PERSONAL' },
      { id: 'vendor-names', from: 'vendor-box', to: 'employer-ats', dataCategories: ['name'], basis: 'CONSENT' },
    );
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')).toMatchObject({ reason: 'inferred', evidence: { linkKeys: ['cookie'], identifying: ['name'] } });
  });

  it('infers identification from a link key and personal data output by the recipient\'s own derivations', async () => {
    const map = mapWith({});
    map.systems = withElement(map.systems, 'employer-ats', { collections: [collecting('employer-applications', ['customer-name', 'stats'])] });
    map.derivations = [
      { id: 'id-sync', system: 'employer-ats', inputs: ['stats'], outputs: ['cookie'] },
      { id: 'name-resolution', system: 'employer-ats', inputs: ['customer-name'], outputs: ['name'] },
    ];
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')).toMatchObject({ reason: 'inferred', evidence: { linkKeys: ['cookie'], identifying: ['name'] } });
  });

  it('fires on a CONSENT flow whose notice has no provision covering it', async () => {
    expect((await findingsOfRule(ctx, RULE, linkableMap({ basis: 'CONSENT' }))).get('to-employer')).toMatchObject({ reason: 'inferred' });
    // narrow-policy does not list the cookie.
    expect((await findingsOfRule(ctx, RULE, linkableMap({ basis: 'CONSENT', notice: 'narrow-policy' }))).get('to-employer')).toMatchObject({ reason: 'inferred' });
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'CONSENT', notice: 'site-policy', purposes: ['selection', 'ads'], recipientCanIdentify: true }))).get('to-employer')).toMatchObject({
      reason: 'declared',
    });
  });

  it('does not fire on a CONSENT flow whose notice (the sender\'s or the recipient\'s) has a covering provision', async () => {
    expect((await findingsOfRule(ctx, RULE, linkableMap({ basis: 'CONSENT', notice: 'site-policy' }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, linkableMap({ basis: 'CONSENT', notice: 'employer-policy', recipientCanIdentify: true }))).size).toBe(0);
    // The covering notice exempts only a CONSENT flow.
    expect((await findingsOfRule(ctx, RULE, linkableMap({ basis: 'ENTRUSTMENT', notice: 'site-policy' }))).get('to-employer')).toMatchObject({ reason: 'inferred' });
  });

  it('does not fire when recipientCanIdentify is false, even if the recipient could link', async () => {
    expect((await findingsOfRule(ctx, RULE, linkableMap({ recipientCanIdentify: false }))).size).toBe(0);
  });

  it('does not fire when the flow carries a personal category as well (APPI 27 applies instead)', async () => {
    expect((await findingsOfRule(ctx, RULE, linkableMap({ dataCategories: ['cookie', 'browsing', 'name'] }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['browsing', 'health'], recipientCanIdentify: true }))).size).toBe(0);
  });

  it('does not fire without a personally referable category, or within one organization', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['pseudo', 'stats'], recipientCanIdentify: true }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'site-db', basis: 'INTERNAL', recipientCanIdentify: true }))).size).toBe(0);
  });

  it('does not infer identification when a clause of the inference fails', async () => {
    // The link key reaches the employer only through this flow.
    const onlyHere = mapWith({});
    onlyHere.systems = withElement(onlyHere.systems, 'employer-ats', { collections: [collecting('employer-applications', ['name'])] });
    expect((await findingsOfRule(ctx, RULE, onlyHere)).size).toBe(0);
    // The flow carries no link key (browsing history alone), though the employer holds cookie ids and names.
    expect((await findingsOfRule(ctx, RULE, linkableMap({ dataCategories: ['browsing'] }))).size).toBe(0);
    // The employer holds the cookie ids but personal data of other people only (customers).
    const otherPeople = mapWith({});
    otherPeople.systems = withElement(otherPeople.systems, 'employer-ats', { collections: [collecting('employer-tags', ['cookie', 'customer-name'])] });
    expect((await findingsOfRule(ctx, RULE, otherPeople)).size).toBe(0);
    // Nor does special care-required data alone count: the catalogue asks for a PERSONAL category.
    const healthOnly = mapWith({});
    healthOnly.systems = withElement(healthOnly.systems, 'employer-ats', { collections: [collecting('employer-tags', ['cookie', 'health'])] });
    expect((await findingsOfRule(ctx, RULE, healthOnly)).size).toBe(0);
    // Another organization (the sender) holding both does not make the recipient able to identify.
    const senderHolds = mapWith({});
    senderHolds.systems = withElement(senderHolds.systems, 'site-web', { collections: [collecting('site-signup', ['cookie', 'name'])] });
    expect((await findingsOfRule(ctx, RULE, senderHolds)).size).toBe(0);
  });

  it('with --as-of, counts only the other flows and derivations valid that day, and leaves out the flow itself outside its dates', async () => {
    const map = mapWith({});
    map.systems = withElement(map.systems, 'employer-ats', { collections: [collecting('employer-applications', ['name'])] });
    map.systems = withElement(map.systems, 'vendor-box', { collections: [collecting('vendor-tags', ['cookie'])] });
    map.flows!.push({ id: 'vendor-cookies', from: 'vendor-box', to: 'employer-ats', dataCategories: ['cookie'], basis: 'NOT_PERSONAL', validFrom: '2019-03-01', validTo: '2019-06-30' });
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')).toMatchObject({ reason: 'inferred' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-06-30' })).get('to-employer')).toMatchObject({ reason: 'inferred' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-07-01' })).size).toBe(0);

    const derived = mapWith({});
    derived.systems = withElement(derived.systems, 'employer-ats', { collections: [collecting('employer-applications', ['name', 'stats'])] });
    derived.derivations = [{ id: 'id-sync', system: 'employer-ats', inputs: ['stats'], outputs: ['cookie'], validFrom: '2019-03-01' }];
    expect((await findingsOfRule(ctx, RULE, derived, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, derived, { asOf: '2019-03-01' })).size).toBe(1);

    const bounded = mapWith({ recipientCanIdentify: true, validFrom: '2019-03-01', validTo: '2019-06-30' });
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-03-01' })).size).toBe(1);
  });
});
