import { INestApplicationContext } from '@nestjs/common';
import { Consent, DataMap, Flow, People } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-35';

const covering = (at: string, withdrawnAt?: string): Consent => ({ notice: 'site-policy', at, ...(withdrawnAt ? { withdrawnAt } : {}) });

/**
 * The job site gives names to the employer on consent from 1 Feb 2019 (still running unless a test
 * sets validTo). `stayed` consented and never withdrew; each test adds the entries it is about.
 */
function mapWith(flow: Partial<Flow>, people: People[], extra: Partial<DataMap> = {}): DataMap {
  return baseMap({
    notices: [
      {
        id: 'site-policy',
        organization: 'site',
        publishedAt: '2019-01-01',
        purposes: ['matching', 'selection'],
        provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['name', 'score'], purposes: ['selection'] }],
      },
      { id: 'site-terms', organization: 'site', publishedAt: '2019-01-01', purposes: ['matching'] },
      { id: 'employer-policy', organization: 'employer', publishedAt: '2019-01-01', purposes: ['selection'], provisions: [{ recipientRoles: ['EMPLOYER'], dataCategories: ['name'], purposes: ['selection'] }] },
    ],
    flows: [{ id: 'to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['name'], purposes: ['selection'], basis: 'CONSENT', notice: 'site-policy', validFrom: '2019-02-01', ...flow } as Flow],
    people: [{ id: 'stayed', subject: 'student', count: 100, uses: ['site-web'], consents: [covering('2019-01-10')] }, ...people],
    ...extra,
  });
}

const quit = (count = 7, withdrawnAt = '2019-05-01', extra: Partial<People> = {}): People => ({
  id: 'quit',
  subject: 'student',
  count,
  uses: ['site-web'],
  consents: [covering('2019-01-10', withdrawnAt)],
  ...extra,
});

describe(`${RULE}: provision continued after consent was withdrawn`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires on a running flow for the entries that withdrew, counting only them', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({}, [quit()]))).get('to-employer');
    expect(f).toMatchObject({ severity: 'high', target: { kind: 'flow', id: 'to-employer' }, affectedPeople: 7, reason: 'running' });
    expect(f?.path).toEqual(['site-web', 'employer-ats']);
    expect(f?.organizations).toEqual(['site', 'employer']);
    expect(f?.evidence).toMatchObject({ people: ['quit'], withdrawnOn: ['2019-05-01'], firstWithdrawal: '2019-05-01', categories: ['name'] });
    expect(f?.message).toContain('7 people (quit)');
    expect(f?.message).toContain('2019-05-01');
    expect(f?.messageJa).toContain('7 人');
  });

  it('sums every entry that withdrew', async () => {
    const other: People = { id: 'quit-too', subject: 'student', count: 3, since: '2018-12-01', uses: ['site-web', 'site-db'], consents: [covering('2018-12-01', '2019-03-15')] };
    const f = (await findingsOfRule(ctx, RULE, mapWith({}, [quit(), other]))).get('to-employer');
    expect(f).toMatchObject({ affectedPeople: 10, evidence: { people: ['quit', 'quit-too'], withdrawnOn: ['2019-05-01', '2019-03-15'], firstWithdrawal: '2019-03-15' } });
  });

  it('fires on an ended flow when the withdrawal came before its validTo, not on or after it', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ validTo: '2019-06-30' }, [quit()]))).get('to-employer');
    expect(f).toMatchObject({ affectedPeople: 7, reason: 'until-end' });
    expect(f?.message).toContain('2019-06-30');
    expect((await findingsOfRule(ctx, RULE, mapWith({ validTo: '2019-05-02' }, [quit()]))).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, mapWith({ validTo: '2019-05-01' }, [quit()]))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({ validTo: '2019-04-30' }, [quit()]))).size).toBe(0);
  });

  it('fires when the consent relied on was withdrawn even before the flow started', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [quit(7, '2019-01-20')]))).get('to-employer')).toMatchObject({ affectedPeople: 7 });
  });

  it('reports every category the flow carries', async () => {
    const map = mapWith({ dataCategories: ['name', 'score'] }, [quit()]);
    expect((await findingsOfRule(ctx, RULE, map)).get('to-employer')?.evidence.categories).toEqual(['name', 'score']);
  });

  it('does not count an entry with another covering consent that still stands (given in time or later)', async () => {
    const twoInTime = quit(7, '2019-05-01', { consents: [covering('2019-01-10', '2019-05-01'), covering('2019-01-20')] });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [twoInTime]))).size).toBe(0);
    const reconsented = quit(7, '2019-05-01', { consents: [covering('2019-01-10', '2019-05-01'), covering('2019-06-01')] });
    expect((await findingsOfRule(ctx, RULE, mapWith({ validTo: '2019-06-30' }, [reconsented]))).size).toBe(0);
    // A new consent after the flow ended does not make up for the time it ran without one.
    const tooLate = quit(7, '2019-05-01', { consents: [covering('2019-01-10', '2019-05-01'), covering('2019-07-15')] });
    expect((await findingsOfRule(ctx, RULE, mapWith({ validTo: '2019-06-30' }, [tooLate]))).get('to-employer')).toMatchObject({ affectedPeople: 7 });
    // Both covering consents withdrawn: the entry withdrew.
    const both = quit(7, '2019-05-01', { consents: [covering('2019-01-10', '2019-05-01'), covering('2019-01-20', '2019-05-03')] });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [both]))).get('to-employer')).toMatchObject({ affectedPeople: 7, evidence: { firstWithdrawal: '2019-05-01' } });
  });

  it('does not count entries that never consented for the flow: consent too late, or to a notice not covering it', async () => {
    // Joined (since) in January, consented only after the flow had started.
    const late = quit(7, '2019-05-01', { since: '2019-01-05', consents: [covering('2019-03-01', '2019-05-01')] });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [late]))).size).toBe(0);
    const otherNotice = quit(7, '2019-05-01', { consents: [{ notice: 'site-terms', at: '2019-01-10', withdrawnAt: '2019-05-01' }] });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [otherNotice]))).size).toBe(0);
    // The employer's notice is not the sender's.
    const recipientNotice = quit(7, '2019-05-01', { consents: [{ notice: 'employer-policy', at: '2019-01-10', withdrawnAt: '2019-05-01' }] });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [recipientNotice]))).size).toBe(0);
    // The provision does not cover a category or purpose the flow adds.
    expect((await findingsOfRule(ctx, RULE, mapWith({ purposes: ['selection', 'ads'] }, [quit()]))).size).toBe(0);
  });

  it('does not count entries the flow does not concern', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [quit(7, '2019-05-01', { uses: ['sister-app'] })]))).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [quit(7, '2019-05-01', { subject: 'customer' })]))).size).toBe(0);
  });

  it('does not fire on flows whose basis is not CONSENT', async () => {
    for (const basis of ['NOT_PERSONAL', 'ENTRUSTMENT', 'OPT_OUT'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ basis }, [quit()]))).size).toBe(0);
    }
  });

  it('with --as-of, a withdrawal after that day has not happened yet, nor has a consent given after it', async () => {
    const map = mapWith({}, [quit()]);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-04-30' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-05-01' })).get('to-employer')).toMatchObject({ affectedPeople: 7, reason: 'running' });
    // The standing re-consent of 1 June does not exist yet on 15 May.
    const reconsented = quit(7, '2019-05-01', { consents: [covering('2019-01-10', '2019-05-01'), covering('2019-06-01')] });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [reconsented]), { asOf: '2019-05-15' })).get('to-employer')).toMatchObject({ affectedPeople: 7 });
    expect((await findingsOfRule(ctx, RULE, mapWith({}, [reconsented]), { asOf: '2019-06-01' })).size).toBe(0);
    // A flow not running that day is left out.
    const ended = mapWith({ validTo: '2019-06-30' }, [quit()]);
    expect((await findingsOfRule(ctx, RULE, ended, { asOf: '2019-06-30' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, ended, { asOf: '2019-07-01' })).size).toBe(0);
  });
});
