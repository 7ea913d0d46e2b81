import { INestApplicationContext } from '@nestjs/common';
import { Collection, DataMap, Derivation, Flow, Notice } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-21-1';

const SITE_POLICY: Notice = { id: 'site-policy', organization: 'site', publishedAt: '2019-01-01', purposes: ['matching'] };
const EMPLOYER_POLICY: Notice = { id: 'employer-policy', organization: 'employer', publishedAt: '2019-01-01', purposes: ['selection'] };

interface Elements {
  flows?: Flow[];
  derivations?: Derivation[];
  /** Collections by the id of the system they belong to. */
  collections?: Record<string, Collection[]>;
  notices?: Notice[];
}

/** The job site states matching, the employer selection; the vendor, sister and foreign companies publish no notice in the map. */
function mapWith({ flows = [], derivations = [], collections = {}, notices = [SITE_POLICY, EMPLOYER_POLICY] }: Elements, extra: Partial<DataMap> = {}): DataMap {
  const map = baseMap({ notices, flows, derivations, ...extra });
  map.systems = map.systems!.map((s) => (collections[s.id] ? { ...s, collections: collections[s.id] } : s));
  return map;
}

const toEmployer = (change: Partial<Flow> = {}): Flow => ({ id: 'to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['name'], purposes: ['selection'], basis: 'CONSENT', ...change });
const scoring = (change: Partial<Derivation> = {}): Derivation => ({ id: 'scoring', system: 'site-db', inputs: ['browsing'], outputs: ['score'], purposes: ['matching'], ...change });
const signup = (change: Partial<Collection> = {}): Collection => ({ id: 'signup', dataCategories: ['name', 'browsing'], method: 'DIRECT', purposes: ['matching'], ...change });

describe(`${RULE}: purpose of use not notified or published`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('flow: fires when the recipient\'s notices do not state a purpose of the flow, listing the unstated purposes', async () => {
    const findings = await findingsOfRule(ctx, RULE, mapWith({ flows: [toEmployer({ purposes: ['selection', 'ads', 'matching'] })] }));
    expect(findings.size).toBe(1);
    const f = findings.get('to-employer');
    expect(f).toMatchObject({ severity: 'high', target: { kind: 'flow', id: 'to-employer' }, affectedPeople: null, organizations: ['site', 'employer'], reason: 'flow' });
    expect(f?.evidence).toMatchObject({ organization: 'employer', purposes: ['ads', 'matching'], notices: ['employer-policy'], categories: ['name'], sender: 'site', recipient: 'employer' });
    expect(f?.evidence).not.toHaveProperty('targetKind');
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['FLOW:to-employer']);
    expect(f?.message).toBe('Flow to-employer gives employer data (name) from site for purposes that employer\'s notices (employer-policy) do not state: ads, matching.');
    expect(f?.messageJa).toBe('フロー to-employer により employer は site からデータ（name）を受け取っているが、その利用目的（ads、matching）は employer の通知（employer-policy）に記載されていない。');
  });

  it('flow: the sender\'s notice does not count, only the recipient\'s; and a flow within one organization is judged too', async () => {
    // The job site states selection, the employer does not: the employer answers for its use.
    const notices = [{ ...SITE_POLICY, purposes: ['matching', 'selection'] }, { ...EMPLOYER_POLICY, purposes: ['ads'] }];
    expect((await findingsOfRule(ctx, RULE, mapWith({ flows: [toEmployer()], notices }))).get('to-employer')?.evidence).toMatchObject({ purposes: ['selection'] });
    const internal = mapWith({ flows: [toEmployer({ id: 'web-to-db', to: 'site-db', purposes: ['matching', 'ads'], basis: 'INTERNAL' })] });
    expect((await findingsOfRule(ctx, RULE, internal)).get('web-to-db')).toMatchObject({ organizations: ['site'], evidence: expect.objectContaining({ organization: 'site', purposes: ['ads'] }) });
  });

  it('derivation: fires when the operator\'s notices do not state a purpose of the derivation', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ derivations: [scoring({ purposes: ['matching', 'selection'] })] }))).get('scoring');
    expect(f).toMatchObject({ severity: 'high', target: { kind: 'derivation', id: 'scoring' }, affectedPeople: null, organizations: ['site'], reason: 'derivation' });
    expect(f?.evidence).toMatchObject({ organization: 'site', system: 'site-db', purposes: ['selection'], categories: ['browsing'], notices: ['site-policy'] });
    expect(f?.path).toEqual(['site-db']);
    expect(f?.message).toBe('Derivation scoring in system site-db uses browsing for purposes that site\'s notices (site-policy) do not state: selection.');
    expect(f?.messageJa).toContain('派生処理 scoring は browsing を、site の通知（site-policy）に記載されていない利用目的（selection）に利用している');
  });

  it('collection: fires when the operator of the collecting system states none of some purpose', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ collections: { 'site-web': [signup({ purposes: ['matching', 'ads'] })] } }))).get('signup');
    expect(f).toMatchObject({ severity: 'high', target: { kind: 'collection', id: 'signup' }, affectedPeople: null, organizations: ['site'], reason: 'collection' });
    expect(f?.evidence).toMatchObject({ organization: 'site', system: 'site-web', purposes: ['ads'], categories: ['name', 'browsing'] });
    expect(f?.path).toEqual(['site-web']);
    expect(f?.message).toBe('Collection signup in system site-web gathers name, browsing for purposes that the notices of its operator, site (site-policy), do not state: ads.');
    expect(f?.messageJa).toContain('収集 signup は name、browsing を、site の通知（site-policy）に記載されていない利用目的（ads）のために取得している');
  });

  it('reports flows, derivations and collections of one map together, each with its own kind', async () => {
    const map = mapWith({
      flows: [toEmployer({ purposes: ['ads'] })],
      derivations: [scoring({ purposes: ['ads'] })],
      collections: { 'site-web': [signup({ purposes: ['ads'] })], 'employer-ats': [{ id: 'applications', dataCategories: ['name'], method: 'DIRECT', purposes: ['ads'] }] },
    });
    const findings = await findingsOfRule(ctx, RULE, map);
    expect([...findings.values()].map((f) => `${f.target.kind}:${f.target.id}`).sort()).toEqual(['collection:applications', 'collection:signup', 'derivation:scoring', 'flow:to-employer']);
    expect(findings.get('applications')?.organizations).toEqual(['employer']);
  });

  it('a purpose stated by any one of the organization\'s notices is stated', async () => {
    const notices = [SITE_POLICY, EMPLOYER_POLICY, { id: 'employer-ads', organization: 'employer', publishedAt: '2019-02-01', purposes: ['ads'] }];
    expect((await findingsOfRule(ctx, RULE, mapWith({ flows: [toEmployer({ purposes: ['selection', 'ads'] })], notices }))).size).toBe(0);
  });

  it('near-miss: every purpose is stated by the responsible organization', async () => {
    const map = mapWith({ flows: [toEmployer()], derivations: [scoring()], collections: { 'site-web': [signup()] } });
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('near-miss: elements with no purposes', async () => {
    const map = mapWith({ flows: [toEmployer({ purposes: undefined })], derivations: [scoring({ purposes: [] })], collections: { 'site-web': [signup({ purposes: undefined })] } });
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('near-miss: a purpose stated only by another organization\'s notice is not stated', async () => {
    // The employer states ads, but the job site's own derivation and collection need the job site's notice.
    const notices = [SITE_POLICY, { ...EMPLOYER_POLICY, purposes: ['selection', 'ads'] }];
    const map = mapWith({ derivations: [scoring({ purposes: ['ads'] })], collections: { 'site-web': [signup({ purposes: ['ads'] })] }, notices });
    const findings = await findingsOfRule(ctx, RULE, map);
    expect([...findings.keys()].sort()).toEqual(['scoring', 'signup']);
  });

  it('near-miss: an organization with no notice in the map is not judged', async () => {
    const map = mapWith({
      flows: [toEmployer({ id: 'to-vendor', to: 'vendor-box', purposes: ['ads'], basis: 'ENTRUSTMENT' }), toEmployer({ id: 'to-sister', to: 'sister-app', purposes: ['ads'] })],
      derivations: [scoring({ id: 'vendor-scoring', system: 'vendor-box', purposes: ['ads'] })],
      collections: { 'foreign-app': [signup({ id: 'foreign-signup', purposes: ['ads'] })] },
    });
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
    // Once the vendor publishes a notice (stating something else), its purposes are judged.
    const withVendorNotice = mapWith({
      flows: [toEmployer({ id: 'to-vendor', to: 'vendor-box', purposes: ['ads'], basis: 'ENTRUSTMENT' })],
      notices: [SITE_POLICY, EMPLOYER_POLICY, { id: 'vendor-policy', organization: 'vendor', publishedAt: '2019-01-01' }],
    });
    expect((await findingsOfRule(ctx, RULE, withVendorNotice)).get('to-vendor')?.evidence).toMatchObject({ organization: 'vendor', purposes: ['ads'], notices: ['vendor-policy'] });
  });

  it('with --as-of, leaves out flows and derivations not running that day', async () => {
    const map = mapWith({
      flows: [toEmployer({ purposes: ['ads'], validFrom: '2019-03-01', validTo: '2019-07-31' })],
      derivations: [scoring({ purposes: ['ads'], validFrom: '2019-04-01', validTo: '2019-06-30' })],
    });
    const kinds = async (asOf: string): Promise<string[]> => [...(await findingsOfRule(ctx, RULE, map, { asOf })).values()].map((f) => f.target.kind).sort();
    expect(await kinds('2019-02-28')).toEqual([]);
    expect(await kinds('2019-03-01')).toEqual(['flow']);
    expect(await kinds('2019-04-01')).toEqual(['derivation', 'flow']);
    expect(await kinds('2019-06-30')).toEqual(['derivation', 'flow']);
    expect(await kinds('2019-07-01')).toEqual(['flow']);
    expect(await kinds('2019-08-01')).toEqual([]);
  });

  it('with --as-of, a notice published after that day does not state its purposes yet', async () => {
    const notices = [SITE_POLICY, { ...EMPLOYER_POLICY, publishedAt: '2019-05-01' }];
    const map = mapWith({ flows: [toEmployer()], collections: { 'employer-ats': [{ id: 'applications', dataCategories: ['name'], method: 'DIRECT', purposes: ['selection'] }] }, notices });
    // The employer's only notice is later: as of April its purposes were not published (and it is still judged).
    const before = await findingsOfRule(ctx, RULE, map, { asOf: '2019-04-30' });
    expect([...before.keys()].sort()).toEqual(['applications', 'to-employer']);
    expect(before.get('to-employer')?.evidence).toMatchObject({ purposes: ['selection'], notices: [] });
    expect(before.get('to-employer')?.message).toContain("employer's notices (none) do not state: selection");
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-05-01' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });
});
