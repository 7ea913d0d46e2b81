import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow, Provision } from '@tadoru/map';
import { baseMap, findingsOfRule, withElement } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-28-1';

/** The job site's notice covers giving names (and scores) to employers; the provision's countries vary by test. */
function provision(change: Partial<Provision> = {}): Provision {
  return { recipientRoles: ['EMPLOYER'], dataCategories: ['name', 'score'], purposes: ['selection'], countries: [], ...change };
}

/** One flow of names from the job site to an employer in Singapore (an organization of baseMap's `foreign`, given the role). */
function mapWith(flow: Partial<Flow>, provisions: Provision[] = [provision()], extra: Partial<DataMap> = {}): DataMap {
  const map = baseMap({
    notices: [
      { id: 'site-policy', organization: 'site', publishedAt: '2019-01-01', purposes: ['matching', 'selection'], provisions },
      {
        id: 'foreign-policy',
        organization: 'foreign',
        publishedAt: '2019-01-01',
        purposes: ['selection'],
        provisions: [provision({ countries: ['SG'] })],
      },
    ],
    flows: [{ id: 'to-sg', from: 'site-web', to: 'foreign-app', dataCategories: ['name'], purposes: ['selection'], basis: 'CONSENT', notice: 'site-policy', ...flow } as Flow],
    people: [{ id: 'members', subject: 'student', count: 100, uses: ['site-web'], consents: [{ notice: 'site-policy', at: '2019-01-10' }] }],
    ...extra,
  });
  map.organizations = withElement(map.organizations, 'foreign', { roles: ['EMPLOYER'] });
  map.organizations = withElement(map.organizations, 'eu', { roles: ['EMPLOYER'] });
  return map;
}

describe(`${RULE}: provision to a third party in a foreign country`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires on a CONSENT flow whose covering provision names no country, with the path and no people count', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({}))).get('to-sg');
    expect(f).toMatchObject({ severity: 'critical', target: { kind: 'flow', id: 'to-sg' }, affectedPeople: null, reason: 'country-not-named' });
    expect(f?.path).toEqual(['site-web', 'foreign-app']);
    expect(f?.organizations).toEqual(['site', 'foreign']);
    expect(f?.evidence).toMatchObject({ recipientCountry: 'SG', notice: 'site-policy', sender: 'site', recipient: 'foreign' });
    expect(f?.message).toContain('SG');
    expect(f?.message).toContain('site-policy');
    expect(f?.messageJa).toContain('SG');
  });

  it('fires when the covering provision names other countries only, or only a non-covering provision names the country', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [provision({ countries: ['US', 'DE'] })]))).get('to-sg')).toMatchObject({ reason: 'country-not-named' });
    // The provision naming SG does not cover the flow's purpose; the covering one names no country.
    const split = [provision(), provision({ purposes: ['matching'], countries: ['SG'] })];
    expect((await findingsOfRule(ctx, RULE, mapWith({}, split))).get('to-sg')).toMatchObject({ reason: 'country-not-named' });
  });

  it('fires on every basis other than CONSENT and LAW: entrustment and shared use do not exempt a provision abroad', async () => {
    for (const basis of ['ENTRUSTMENT', 'SHARED_USE', 'SUCCESSION', 'OPT_OUT', 'INTERNAL', 'NOT_PERSONAL'] as const) {
      const f = (await findingsOfRule(ctx, RULE, mapWith({ basis, notice: undefined }))).get('to-sg');
      expect(f).toMatchObject({ reason: 'not-consent', affectedPeople: null });
      expect(f?.message).toContain(basis);
    }
    // Even with a notice whose provision names the country: that consent is not what the flow relies on.
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'ENTRUSTMENT' }, [provision({ countries: ['SG'] })]))).get('to-sg')).toMatchObject({ reason: 'not-consent' });
  });

  it('fires on a CONSENT flow with no notice, another organization\'s notice, or a notice with no covering provision', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ notice: undefined }))).get('to-sg')).toMatchObject({ reason: 'no-notice' });
    // The recipient's own notice names SG, but consent to it is no consent to the sender's provision.
    expect((await findingsOfRule(ctx, RULE, mapWith({ notice: 'foreign-policy' }))).get('to-sg')).toMatchObject({ reason: 'other-notice' });
    // Not covered: a category, a purpose, or the recipient is outside the provision that names SG.
    const namesSg = [provision({ countries: ['SG'] })];
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['name', 'health'] }, namesSg))).get('to-sg')).toMatchObject({ reason: 'not-covered' });
    expect((await findingsOfRule(ctx, RULE, mapWith({ purposes: ['selection', 'ads'] }, namesSg))).get('to-sg')).toMatchObject({ reason: 'not-covered' });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [provision({ recipientRoles: ['PROCESSOR'], countries: ['SG'] })]))).get('to-sg')).toMatchObject({ reason: 'not-covered' });
  });

  it('fires on special care-required data alone', async () => {
    const map = mapWith({ dataCategories: ['health'] }, [provision({ dataCategories: ['health'] })]);
    expect((await findingsOfRule(ctx, RULE, map)).get('to-sg')).toMatchObject({ reason: 'country-not-named' });
  });

  it('does not fire when a covering provision of the sender\'s notice names the recipient\'s country', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [provision({ countries: ['SG'] })]))).size).toBe(0);
    // One of two covering provisions naming it is enough.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [provision(), provision({ recipients: ['foreign'], countries: ['US', 'SG'] })]))).size).toBe(0);
  });

  it('does not fire on basis LAW or with equivalent measures', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'LAW', notice: undefined }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'SHARED_USE', notice: undefined, equivalentMeasures: true }))).size).toBe(0);
    // equivalentMeasures false is the same as absent.
    expect((await findingsOfRule(ctx, RULE, mapWith({ basis: 'SHARED_USE', notice: undefined, equivalentMeasures: false }))).size).toBe(1);
  });

  it('does not fire for recipients in Japan, the EEA or the UK', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'eu-app', basis: 'ENTRUSTMENT', notice: undefined }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'employer-ats', basis: 'ENTRUSTMENT', notice: undefined }))).size).toBe(0);
    const uk = mapWith({ basis: 'ENTRUSTMENT', notice: undefined });
    uk.organizations = withElement(uk.organizations, 'foreign', { country: 'GB' });
    expect((await findingsOfRule(ctx, RULE, uk)).size).toBe(0);
    // Norway is in the EEA without being in the EU.
    const no = mapWith({ basis: 'ENTRUSTMENT', notice: undefined });
    no.organizations = withElement(no.organizations, 'foreign', { country: 'NO' });
    expect((await findingsOfRule(ctx, RULE, no)).size).toBe(0);
    // The US is neither.
    const us = mapWith({ basis: 'ENTRUSTMENT', notice: undefined });
    us.organizations = withElement(us.organizations, 'foreign', { country: 'US' });
    expect((await findingsOfRule(ctx, RULE, us)).get('to-sg')?.evidence.recipientCountry).toBe('US');
  });

  it("takes the recipient organization's country, not where its receiving system runs", async () => {
    // A Singapore company is a third party in a foreign country even when its system runs in Japan...
    const inJapan = mapWith({ basis: 'ENTRUSTMENT', notice: undefined });
    inJapan.systems = withElement(inJapan.systems, 'foreign-app', { country: 'JP' });
    expect((await findingsOfRule(ctx, RULE, inJapan)).get('to-sg')).toMatchObject({ reason: 'not-consent', evidence: { recipientCountry: 'SG' } });
    // ...and a Japanese employer is not, even when its system runs in Singapore.
    const inSingapore = mapWith({ to: 'employer-ats', basis: 'ENTRUSTMENT', notice: undefined });
    inSingapore.systems = withElement(inSingapore.systems, 'employer-ats', { country: 'SG' });
    expect((await findingsOfRule(ctx, RULE, inSingapore)).size).toBe(0);
  });

  it('does not fire within one organization or without personal data', async () => {
    const own = mapWith({ to: 'site-abroad', basis: 'INTERNAL', notice: undefined }, [provision()], {
      systems: [{ id: 'site-abroad', name: 'Job site mirror in Singapore', operator: 'site', country: 'SG' }],
    });
    expect((await findingsOfRule(ctx, RULE, own)).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['browsing', 'cookie', 'pseudo', 'stats'], basis: 'NOT_PERSONAL', notice: undefined }))).size).toBe(0);
  });

  it('traces the path back to the collecting system', async () => {
    const map = mapWith({ from: 'site-db', basis: 'ENTRUSTMENT', notice: undefined });
    map.systems = withElement(map.systems, 'site-web', { collections: [{ id: 'signup', dataCategories: ['name'], method: 'DIRECT', purposes: ['matching'], notice: 'site-policy' }] });
    map.flows!.push({ id: 'web-to-db', from: 'site-web', to: 'site-db', dataCategories: ['name'], basis: 'INTERNAL' });
    expect((await findingsOfRule(ctx, RULE, map)).get('to-sg')?.path).toEqual(['site-web', 'site-db', 'foreign-app']);
  });

  it('with --as-of, leaves out flows not running that day', async () => {
    const map = mapWith({ basis: 'SHARED_USE', notice: undefined, validFrom: '2019-03-01', validTo: '2019-06-30' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-03-01' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-06-30' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-07-01' })).size).toBe(0);
  });
});
