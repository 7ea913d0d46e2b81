import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule, withElement } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-27-2';

/**
 * The job site, which has filed its opt-out provision, sends names to the employer by opt-out.
 * `siteFiled: false` (or `'absent'`) removes the filing; `extraFlows` are added after the target flow.
 */
function mapWith(flow: Partial<Flow>, options: { siteFiled?: boolean | 'absent'; extraFlows?: Flow[] } & Partial<DataMap> = {}): DataMap {
  const { siteFiled = true, extraFlows = [], ...extra } = options;
  const base = baseMap();
  return {
    ...base,
    organizations: withElement(base.organizations, 'site', { optOutFiled: siteFiled === 'absent' ? undefined : siteFiled }),
    flows: [{ id: 'to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['name'], purposes: ['selection'], basis: 'OPT_OUT', ...flow } as Flow, ...extraFlows],
    ...extra,
  };
}

/** The vendor (which has not filed) hands names to the job site by opt-out. */
const vendorOptOut: Flow = { id: 'vendor-to-site', from: 'vendor-box', to: 'site-db', dataCategories: ['name'], basis: 'OPT_OUT' };

describe(`${RULE}: opt-out provision not allowed`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('does not fire on a filed opt-out provision of ordinary data the sender obtained otherwise', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}))).size).toBe(0);
  });

  it('fires when the flow carries a special care-required category, naming only those categories', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['name', 'health'] }))).get('to-employer');
    expect(f).toMatchObject({
      severity: 'critical',
      target: { kind: 'flow', id: 'to-employer' },
      affectedPeople: null,
      reason: 'special-care',
      organizations: ['site', 'employer'],
    });
    expect(f?.evidence.reasons).toEqual(['special-care']);
    expect(f?.evidence.specialCare).toEqual(['health']);
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.message).toBe(
      'Flow to-employer provides special care-required data (health) from site to employer by opt-out; sensitive data may never be provided by opt-out, only with the people\'s prior consent.',
    );
    expect(f?.messageJa).toContain('要配慮個人情報（health）');
  });

  it('fires when the sender itself obtained a carried category through an opt-out flow, tracing the path through it', async () => {
    const map = mapWith({ from: 'site-db' }, { extraFlows: [vendorOptOut] });
    map.systems = withElement(map.systems, 'vendor-box', { collections: [{ id: 'vendor-signup', dataCategories: ['name'], method: 'DIRECT' }] });
    const findings = await findingsOfRule(ctx, RULE, map);
    const f = findings.get('to-employer');
    expect(f).toMatchObject({ severity: 'critical', affectedPeople: null, reason: 'opt-out-acquired' });
    expect(f?.evidence.optOutAcquired).toEqual(['name']);
    expect(f?.evidence.optOutSources).toEqual(['vendor-to-site']);
    expect(f?.path).toEqual(['vendor-box', 'site-db', 'employer-ats']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['COLLECTION:vendor-box', 'FLOW:vendor-to-site', 'FLOW:to-employer']);
    expect(f?.message).toContain('site itself obtained that data by opt-out (flow(s) vendor-to-site)');
    expect(f?.messageJa).toContain('オプトアウトで取得した個人データ');
    // The vendor's own provision is judged too: it has not filed.
    expect(findings.get('vendor-to-site')).toMatchObject({ reason: 'not-filed' });
  });

  it('counts an opt-out acquisition into any system of the sender, not only the one the data leaves from', async () => {
    const map = mapWith({}, { extraFlows: [vendorOptOut] }); // received at site-db, provided from site-web
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')).toMatchObject({ reason: 'opt-out-acquired' });
  });

  it('fires when the sender has not filed an opt-out provision (absent or false)', async () => {
    for (const siteFiled of ['absent', false] as const) {
      const map = mapWith({ dataCategories: ['name', 'stats'] }, { siteFiled });
      const f = (await findingsOfRule(ctx, RULE, map)).get('to-employer');
      expect(f).toMatchObject({ severity: 'critical', affectedPeople: null, reason: 'not-filed' });
      expect(f?.evidence.optOutFiled).toBe(false);
      expect(f?.message).toBe(
        'Flow to-employer provides name, stats from site to employer by opt-out, but site has not filed its opt-out provision with the Personal Information Protection Commission.',
      );
      expect(f?.messageJa).toContain('個人情報保護委員会に届け出ていない');
    }
  });

  it('reports one finding per flow when several branches hold: the first as reason, the others in the message', async () => {
    const map = mapWith({ dataCategories: ['health', 'name'] }, { siteFiled: false, extraFlows: [vendorOptOut] });
    const findings = await findingsOfRule(ctx, RULE, map);
    const f = findings.get('to-employer');
    expect(f).toMatchObject({ reason: 'special-care' });
    expect(f?.evidence.reasons).toEqual(['special-care', 'opt-out-acquired', 'not-filed']);
    expect(f?.message).toContain('Also, name was itself obtained by opt-out (flow(s) vendor-to-site); and site has not filed');
    expect(f?.messageJa).toContain('また、name はオプトアウトにより取得したものである');
    // Data obtained by opt-out, and no filing: the acquisition comes first.
    const g = (await findingsOfRule(ctx, RULE, mapWith({}, { siteFiled: false, extraFlows: [vendorOptOut] }))).get('to-employer');
    expect(g).toMatchObject({ reason: 'opt-out-acquired' });
    expect(g?.message).toContain('Also, site has not filed');
  });

  it('near-misses: another basis, a flow inside one organization', async () => {
    for (const basis of ['CONSENT', 'ENTRUSTMENT', 'SHARED_USE', 'LAW', 'NOT_PERSONAL'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ basis, dataCategories: ['health'] }, { siteFiled: false }))).size).toBe(0);
    }
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'site-db', dataCategories: ['health'] }, { siteFiled: false }))).size).toBe(0);
  });

  it('near-misses for data obtained by opt-out: another category, another basis, another receiver, an internal flow', async () => {
    // The sender obtained health by opt-out, but the flow carries only name.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { extraFlows: [{ ...vendorOptOut, dataCategories: ['health'] }] }))).has('to-employer')).toBe(false);
    // The sender obtained name by consent, not by opt-out.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { extraFlows: [{ ...vendorOptOut, basis: 'CONSENT' }] }))).size).toBe(0);
    // Another organization (the sister company) obtained name by opt-out, not the sender.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { extraFlows: [{ ...vendorOptOut, to: 'sister-app' }] }))).has('to-employer')).toBe(false);
    // A move between the sender's own systems labelled OPT_OUT is no provision, so nothing was obtained by it.
    expect((await findingsOfRule(ctx, RULE, mapWith({}, { extraFlows: [{ ...vendorOptOut, from: 'site-web' }] }))).size).toBe(0);
  });

  it('with --as-of, judges only the flows running that day, the target and the acquisition alike', async () => {
    const acquisition = { ...vendorOptOut, validFrom: '2019-01-01', validTo: '2019-03-31' };
    const map = mapWith({}, { extraFlows: [acquisition] });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-03-31' })).get('to-employer')).toMatchObject({ reason: 'opt-out-acquired' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-04-01' })).has('to-employer')).toBe(false);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2018-12-31' })).has('to-employer')).toBe(false);
    const bounded = mapWith({ validFrom: '2019-03-01', validTo: '2019-06-30' }, { siteFiled: false });
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-03-01' })).get('to-employer')).toMatchObject({ reason: 'not-filed' });
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-07-01' })).size).toBe(0);
  });
});
