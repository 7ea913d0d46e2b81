import { INestApplicationContext } from '@nestjs/common';
import { Collection, DataMap, Derivation, Flow } from '@tadoru/map';
import { baseMap, findingsOfRule, withElement } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-27-5-1';

/**
 * The employer (trustor A) entrusts its applicants' names to the vendor (trustee T), which runs a
 * second system, vendor-lab. Each test adds what the vendor does with them.
 */
function mapWith(extra: { flows?: Flow[]; derivations?: Derivation[]; collections?: Record<string, Collection[]> } = {}, entrusted: Partial<Flow> = {}): DataMap {
  const base = baseMap({ systems: [{ id: 'vendor-lab', name: 'Vendor lab', operator: 'vendor' }] });
  let systems = withElement(base.systems, 'employer-ats', {
    collections: [{ id: 'applications', dataCategories: ['name'], method: 'DIRECT', purposes: ['selection'] }],
  });
  for (const [system, collections] of Object.entries(extra.collections ?? {})) systems = withElement(systems, system, { collections });
  return {
    ...base,
    systems,
    flows: [
      { id: 'entrust', from: 'employer-ats', to: 'vendor-box', dataCategories: ['name'], purposes: ['selection'], basis: 'ENTRUSTMENT', ...entrusted } as Flow,
      ...(extra.flows ?? []),
    ],
    derivations: extra.derivations ?? [],
  };
}

/** The vendor matches the entrusted names with browsing histories. */
const matching: Derivation = { id: 'matching', system: 'vendor-box', inputs: ['name', 'browsing'], outputs: ['score'], purposes: ['selection'] };
const vendorCollectsBrowsing = { 'vendor-lab': [{ id: 'vendor-tags', dataCategories: ['browsing'], method: 'AUTOMATIC' } as Collection] };

describe(`${RULE}: entrusted data used beyond the entrustment`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('does not fire on an entrustment the trustee only processes for the trustor', async () => {
    const map = mapWith({
      derivations: [{ id: 'scoring', system: 'vendor-box', inputs: ['name'], outputs: ['score'], purposes: ['selection'] }],
      flows: [{ id: 'results', from: 'vendor-box', to: 'employer-ats', dataCategories: ['score', 'name'], basis: 'ENTRUSTMENT' }],
    });
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('(a) fires when the trustee combines the entrusted data with data one of its systems collects', async () => {
    const f = (await findingsOfRule(ctx, RULE, mapWith({ derivations: [matching], collections: vendorCollectsBrowsing }))).get('entrust');
    expect(f).toMatchObject({
      severity: 'critical',
      target: { kind: 'flow', id: 'entrust' },
      affectedPeople: null,
      reason: 'combined',
      organizations: ['employer', 'vendor'],
    });
    expect(f?.evidence).toMatchObject({ reasons: ['combined'], derivations: ['matching'], combinedCategories: ['name'], combinedWith: ['browsing'], onwardFlows: [] });
    expect(f?.path).toEqual(['employer-ats', 'vendor-box']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['COLLECTION:employer-ats', 'FLOW:entrust']);
    expect(f?.message).toContain('vendor combines name with data it holds other than from employer (browsing) in derivation(s) matching');
    expect(f?.messageJa).toContain('employer 以外から保有するデータ（browsing）と突合している');
  });

  it('(a) counts data received from another organization, including another trustor', async () => {
    for (const from of ['site-web', 'sister-app']) {
      const map = mapWith({ derivations: [matching], flows: [{ id: 'other-client', from, to: 'vendor-lab', dataCategories: ['browsing'], basis: 'ENTRUSTMENT' }] });
      expect((await findingsOfRule(ctx, RULE, map)).get('entrust')).toMatchObject({ reason: 'combined' });
    }
  });

  it('(a) counts data the trustee derived itself', async () => {
    const map = mapWith({ derivations: [{ id: 'profiling', system: 'vendor-lab', inputs: ['stats'], outputs: ['browsing'] }, matching] });
    const f = (await findingsOfRule(ctx, RULE, map)).get('entrust');
    expect(f).toMatchObject({ reason: 'combined' });
    expect(f?.evidence.combinedWith).toEqual(['browsing']);
  });

  it('(a) near-misses: the other input came only from the trustor, or only another organization holds it', async () => {
    // The trustor sends browsing too (another flow, any basis): combining two things the trustor gave is within the entrustment.
    for (const basis of ['ENTRUSTMENT', 'CONSENT'] as const) {
      const map = mapWith({ derivations: [matching], flows: [{ id: 'more-from-employer', from: 'employer-ats', to: 'vendor-box', dataCategories: ['browsing'], basis }] });
      expect((await findingsOfRule(ctx, RULE, map)).has('entrust')).toBe(false);
    }
    // Both inputs carried by the entrusted flow itself.
    expect((await findingsOfRule(ctx, RULE, mapWith({ derivations: [matching] }, { dataCategories: ['name', 'browsing'] }))).size).toBe(0);
    // Received from the trustor at one system, moved to another inside the trustee: still the trustor's data.
    const moved = mapWith({
      derivations: [matching],
      flows: [
        { id: 'more-from-employer', from: 'employer-ats', to: 'vendor-lab', dataCategories: ['browsing'], basis: 'ENTRUSTMENT' },
        { id: 'lab-to-box', from: 'vendor-lab', to: 'vendor-box', dataCategories: ['browsing'], basis: 'INTERNAL' },
      ],
    });
    expect((await findingsOfRule(ctx, RULE, moved)).size).toBe(0);
    // Another organization collects browsing, the trustee does not hold it.
    expect((await findingsOfRule(ctx, RULE, mapWith({ derivations: [matching], collections: { 'site-web': [{ id: 'site-tags', dataCategories: ['browsing'], method: 'AUTOMATIC' }] } }))).size).toBe(0);
    // The trustee holds names of its own too, but the derivation has no other input than the entrusted one.
    const single = mapWith({
      derivations: [{ id: 'scoring', system: 'vendor-box', inputs: ['name'], outputs: ['score'] }],
      collections: { 'vendor-lab': [{ id: 'vendor-signup', dataCategories: ['name'], method: 'DIRECT' }] },
    });
    expect((await findingsOfRule(ctx, RULE, single)).size).toBe(0);
    // A derivation's own output is no prior holding of its input.
    expect((await findingsOfRule(ctx, RULE, mapWith({ derivations: [{ ...matching, outputs: ['browsing'] }] }))).size).toBe(0);
  });

  it('(a) near-misses: the combination happens outside the trustee, or the flow is no cross-organization entrustment', async () => {
    const atSite = mapWith({ derivations: [{ ...matching, system: 'site-db' }], collections: { ...vendorCollectsBrowsing, 'site-db': [{ id: 'site-tags', dataCategories: ['browsing'], method: 'AUTOMATIC' }] } });
    expect((await findingsOfRule(ctx, RULE, atSite)).size).toBe(0);
    for (const basis of ['CONSENT', 'SHARED_USE', 'OPT_OUT'] as const) {
      expect((await findingsOfRule(ctx, RULE, mapWith({ derivations: [matching], collections: vendorCollectsBrowsing }, { basis }))).size).toBe(0);
    }
    // Within one organization, "entrustment" is only a label.
    const internal = mapWith({ derivations: [matching], collections: vendorCollectsBrowsing }, { from: 'vendor-lab' });
    expect((await findingsOfRule(ctx, RULE, internal)).size).toBe(0);
  });

  it('(b) fires when the trustee passes the entrusted data on to another organization', async () => {
    const map = mapWith({ flows: [{ id: 'resale', from: 'vendor-box', to: 'site-web', dataCategories: ['name'], basis: 'CONSENT' }] });
    const f = (await findingsOfRule(ctx, RULE, map)).get('entrust');
    expect(f).toMatchObject({ severity: 'critical', affectedPeople: null, reason: 'passed-on' });
    expect(f?.evidence).toMatchObject({ reasons: ['passed-on'], passedOn: ['name'], onwardFlows: ['resale'], onwardRecipients: ['site'], derivations: [] });
    expect(f?.message).toBe(
      'Flow entrust entrusts name from employer to vendor, but vendor passes name (the entrusted data or data derived from it) on to site in flow(s) resale; a trustee may handle entrusted data only for its trustor, so the transfer needs the people\'s consent.',
    );
    expect(f?.messageJa).toContain('（name）をフロー resale により employer 以外の site に提供している');
  });

  it('(b) fires when the trustee passes on what it derived from the entrusted data, from any of its systems', async () => {
    const map = mapWith({
      derivations: [{ id: 'scoring', system: 'vendor-lab', inputs: ['name'], outputs: ['score'] }],
      flows: [{ id: 'scores-out', from: 'vendor-lab', to: 'sister-app', dataCategories: ['score'], basis: 'CONSENT' }],
    });
    const f = (await findingsOfRule(ctx, RULE, map)).get('entrust');
    expect(f).toMatchObject({ reason: 'passed-on' });
    expect(f?.evidence).toMatchObject({ passedOn: ['score'], onwardFlows: ['scores-out'], onwardRecipients: ['sister'] });
  });

  it('(b) near-misses: back to the trustor, inside the trustee, unrelated data, or from another organization', async () => {
    const scoring: Derivation = { id: 'scoring', system: 'vendor-box', inputs: ['name'], outputs: ['score'] };
    const cases: Array<{ flows: Flow[]; derivations?: Derivation[] }> = [
      { flows: [{ id: 'back', from: 'vendor-box', to: 'employer-ats', dataCategories: ['name', 'score'], basis: 'ENTRUSTMENT' }], derivations: [scoring] },
      { flows: [{ id: 'inside', from: 'vendor-box', to: 'vendor-lab', dataCategories: ['name', 'score'], basis: 'INTERNAL' }], derivations: [scoring] },
      // The score leaving is derived from something else than the entrusted data.
      { flows: [{ id: 'out', from: 'vendor-box', to: 'site-web', dataCategories: ['score'], basis: 'CONSENT' }], derivations: [{ ...scoring, inputs: ['stats'] }] },
      // Names leave, but from another organization's system.
      { flows: [{ id: 'out', from: 'sister-app', to: 'site-web', dataCategories: ['name'], basis: 'CONSENT' }] },
      // The score is derived from the entrusted names outside the trustee.
      { flows: [{ id: 'out', from: 'vendor-box', to: 'site-web', dataCategories: ['score'], basis: 'CONSENT' }], derivations: [{ ...scoring, system: 'site-db' }] },
    ];
    for (const c of cases) expect((await findingsOfRule(ctx, RULE, mapWith(c))).size).toBe(0);
  });

  it('reports one finding when both branches hold: the combination as reason, the onward flow in the message', async () => {
    const map = mapWith({
      derivations: [matching],
      collections: vendorCollectsBrowsing,
      flows: [{ id: 'scores-out', from: 'vendor-box', to: 'site-web', dataCategories: ['score'], basis: 'CONSENT' }],
    });
    const findings = await findingsOfRule(ctx, RULE, map);
    expect(findings.size).toBe(1);
    const f = findings.get('entrust');
    expect(f).toMatchObject({ reason: 'combined' });
    expect(f?.evidence).toMatchObject({ reasons: ['combined', 'passed-on'], derivations: ['matching'], onwardFlows: ['scores-out'] });
    expect(f?.message).toContain('It also passes score on to site.');
    expect(f?.messageJa).toContain('また、score を site に提供している。');
  });

  it('with --as-of, counts only the flows and derivations in force that day', async () => {
    // (a): the derivation, and the flow that gave the trustee its own data, each bounded.
    const bounded = mapWith({
      derivations: [{ ...matching, validFrom: '2019-03-01', validTo: '2019-07-31' }],
      flows: [{ id: 'other-client', from: 'site-web', to: 'vendor-box', dataCategories: ['browsing'], basis: 'ENTRUSTMENT', validFrom: '2019-01-01', validTo: '2019-05-31' }],
    });
    expect((await findingsOfRule(ctx, RULE, bounded)).get('entrust')).toMatchObject({ reason: 'combined' });
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-03-01' })).get('entrust')).toMatchObject({ reason: 'combined' });
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, bounded, { asOf: '2019-06-01' })).size).toBe(0);
    // (b): the derivation and the onward flow bounded, each left out on a day the other runs.
    const onward = (entrusted: Partial<Flow> = {}): DataMap =>
      mapWith(
        {
          derivations: [{ id: 'scoring', system: 'vendor-box', inputs: ['name'], outputs: ['score'], validFrom: '2019-01-01', validTo: '2019-06-30' }],
          flows: [{ id: 'scores-out', from: 'vendor-box', to: 'site-web', dataCategories: ['score'], basis: 'CONSENT', validFrom: '2019-04-01' }],
        },
        entrusted,
      );
    expect((await findingsOfRule(ctx, RULE, onward(), { asOf: '2019-04-01' })).get('entrust')).toMatchObject({ reason: 'passed-on' });
    expect((await findingsOfRule(ctx, RULE, onward(), { asOf: '2019-03-31' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, onward(), { asOf: '2019-07-01' })).size).toBe(0);
    // The entrusted flow itself not running yet.
    expect((await findingsOfRule(ctx, RULE, onward({ validFrom: '2019-05-01' }), { asOf: '2019-04-15' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, onward({ validFrom: '2019-05-01' }), { asOf: '2019-05-01' })).size).toBe(1);
  });
});
