import { INestApplicationContext } from '@nestjs/common';
import { DataMap, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule, withElement } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'ESA-5-5-PROFILE';

/** The job site sends decline scores about students to an employer; extra organizations for the role cases. */
function mapWith(flow: Partial<Flow>, extra: Partial<DataMap> = {}): DataMap {
  return baseMap({
    organizations: [
      { id: 'agency', name: 'Placement Agency K.K.', country: 'JP', roles: ['JOB_PLACEMENT_AGENCY'] },
      { id: 'hybrid', name: 'Job Board and Employer K.K.', country: 'JP', roles: ['JOB_INFORMATION_PROVIDER', 'EMPLOYER'] },
    ],
    dataCategories: [
      { id: 'segment', name: 'Decline-risk segment by cookie', subject: 'student', class: 'PERSONALLY_REFERABLE', profiling: true },
      { id: 'customer-score', name: 'Customer score', subject: 'customer', class: 'PERSONAL', profiling: true },
    ],
    notices: [
      {
        id: 'site-policy',
        organization: 'site',
        publishedAt: '2019-01-01',
        purposes: ['matching', 'selection'],
        provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['name', 'score'], purposes: ['selection'] }],
      },
    ],
    systems: [
      { id: 'agency-crm', name: 'Agency CRM', operator: 'agency' },
      { id: 'hybrid-board', name: 'Hybrid job board', operator: 'hybrid' },
      { id: 'hybrid-hr', name: 'Hybrid HR', operator: 'hybrid' },
    ],
    flows: [{ id: 'scores', from: 'site-web', to: 'employer-ats', dataCategories: ['score', 'name'], purposes: ['selection'], basis: 'NOT_PERSONAL', ...flow } as Flow],
    people: [{ id: 'members', subject: 'student', count: 100, uses: ['site-web'] }],
    ...extra,
  });
}

describe(`${RULE}: job seekers' profiling results given to employers`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires on a job information provider giving a job seeker score to an employer, naming only the profiling categories', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({}))).get('scores');
    expect(f).toMatchObject({ severity: 'critical', target: { kind: 'flow', id: 'scores' }, affectedPeople: null, reason: null });
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.organizations).toEqual(['site', 'employer']);
    expect(f?.evidence).toMatchObject({ categories: ['score'], subjects: ['student'], senderRoles: ['JOB_INFORMATION_PROVIDER'] });
    expect(f?.message).toContain('job information provider');
    expect(f?.message).toContain('score');
    expect(f?.messageJa).toContain('募集情報等提供事業者');
  });

  it('fires whatever the basis, including consent under a notice that covers the flow', async () => {
    for (const basis of ['CONSENT', 'ENTRUSTMENT', 'SHARED_USE', 'LAW', 'OPT_OUT'] as const) {
      const f = (await findingsOfRule(ctx, RULE, mapWith({ basis, notice: 'site-policy' }))).get('scores');
      expect(f?.evidence.basis).toBe(basis);
    }
  });

  it('fires from a placement agency, and for a profiling category of any class', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ from: 'agency-crm' }))).get('scores');
    expect(f?.evidence.senderRoles).toEqual(['JOB_PLACEMENT_AGENCY']);
    expect(f?.message).toContain('placement agency');
    expect(f?.messageJa).toContain('職業紹介事業者');
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['segment'] }))).get('scores')?.evidence.categories).toEqual(['segment']);
    // An organization that is both a job board and an employer sends too.
    expect((await findingsOfRule(ctx, RULE, mapWith({ from: 'hybrid-board' }))).get('scores')).toBeDefined();
  });

  it('does not fire when the sender is no job information provider or placement agency', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ from: 'sister-app' }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ from: 'vendor-box' }))).size).toBe(0);
  });

  it('does not fire when the recipient is no employer', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'vendor-box' }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ to: 'agency-crm' }))).size).toBe(0);
  });

  it('does not fire without a profiling category about a job seeker', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['name', 'browsing', 'cookie'] }))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ dataCategories: ['customer-score'] }))).size).toBe(0);
    const notJobSeekers = mapWith({});
    notJobSeekers.subjects = withElement(notJobSeekers.subjects, 'student', { jobSeeker: false });
    expect((await findingsOfRule(ctx, RULE, notJobSeekers)).size).toBe(0);
  });

  it('does not fire within one organization, even one that is both job board and employer', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ from: 'hybrid-board', to: 'hybrid-hr', basis: 'INTERNAL' }))).size).toBe(0);
  });

  it('with --as-of, leaves out flows not running that day', async () => {
    const map = mapWith({ validFrom: '2019-03-01', validTo: '2019-07-31' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-05-01' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-08-01' })).size).toBe(0);
  });
});
