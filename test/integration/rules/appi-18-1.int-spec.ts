import { INestApplicationContext } from '@nestjs/common';
import { Collection, DataMap, Derivation } from '@tadoru/map';
import { baseMap, findingsOfRule } from '../../support/rule-harness';
import { createTestContext } from '../../support/test-database';

const RULE = 'APPI-18-1';

/**
 * The job site collects names and browsing history for matching on its web site and copies the
 * history to its database, where a derivation scores it; `derivation` changes that derivation.
 */
function mapWith(derivation: Partial<Derivation> = {}, collections: Collection[] = [], extra: Partial<DataMap> = {}): DataMap {
  const map = baseMap({
    flows: [{ id: 'web-to-db', from: 'site-web', to: 'site-db', dataCategories: ['browsing', 'name'], basis: 'INTERNAL' }],
    derivations: [{ id: 'scoring', system: 'site-db', inputs: ['browsing'], outputs: ['score'], purposes: ['selection'], ...derivation } as Derivation],
    ...extra,
  });
  const signup: Collection = { id: 'signup', dataCategories: ['name', 'browsing'], method: 'DIRECT', purposes: ['matching'] };
  map.systems = map.systems!.map((s) => (s.id === 'site-web' ? { ...s, collections: [signup, ...collections] } : s));
  return map;
}

describe(`${RULE}: personal data used beyond the purposes it was collected for`, () => {
  let ctx: INestApplicationContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('fires when a derivation uses data its organization collected for a purpose the collection does not name', async () => {
    const findings = await findingsOfRule(ctx, RULE, mapWith());
    expect(findings.size).toBe(1);
    const f = findings.get('scoring');
    expect(f).toMatchObject({ severity: 'high', target: { kind: 'derivation', id: 'scoring' }, affectedPeople: null, organizations: ['site'], reason: null });
    expect(f?.evidence).toMatchObject({ categories: ['browsing'], purposes: ['selection'], collectedFor: ['matching'], collections: ['signup'], organization: 'site', system: 'site-db' });
    expect(f?.path).toEqual(['site-web', 'site-db']);
    expect(f?.pathSteps.map((s) => `${s.kind}:${s.via}`)).toEqual(['COLLECTION:site-web', 'FLOW:web-to-db']);
    expect(f?.message).toBe(
      'Derivation scoring in system site-db uses data that site collected itself for purposes it was not collected for (selection), without the people\'s prior consent: browsing was collected (signup) for matching but is used for selection.',
    );
    expect(f?.messageJa).toContain('browsing（取得時の目的: matching、目的外の利用: selection）');
  });

  it('judges each input against its own collections, and lists every input used beyond them', async () => {
    // The name is collected again for selection, but that does not cover browsing; both inputs go beyond.
    const map = mapWith({ inputs: ['name', 'browsing'], purposes: ['matching', 'selection', 'ads'] }, [
      { id: 'application', dataCategories: ['name'], method: 'DIRECT', purposes: ['selection'] },
    ]);
    const f = (await findingsOfRule(ctx, RULE, map)).get('scoring');
    expect(f?.evidence).toMatchObject({ categories: ['name', 'browsing'], purposes: ['selection', 'ads'], collections: ['signup', 'application'] });
    expect(f?.evidence.details).toBe(
      'name was collected (signup, application) for matching, selection but is used for ads; browsing was collected (signup) for matching but is used for selection, ads',
    );
  });

  it('fires for a collection that names no purpose, and for a collection in another of the organization\'s systems', async () => {
    const map = baseMap({ derivations: [{ id: 'scoring', system: 'site-db', inputs: ['browsing'], outputs: ['score'], purposes: ['matching'] }] });
    map.systems = map.systems!.map((s) => (s.id === 'site-web' ? { ...s, collections: [{ id: 'tags', dataCategories: ['browsing'], method: 'AUTOMATIC' }] } : s));
    const f = (await findingsOfRule(ctx, RULE, map)).get('scoring');
    expect(f?.evidence).toMatchObject({ categories: ['browsing'], purposes: ['matching'], collectedFor: [], collections: ['tags'] });
    expect(f?.message).toContain('browsing was collected (tags) for no stated purpose but is used for matching');
  });

  it('ignores collections of other organizations when judging the purposes', async () => {
    // The sister company collects browsing for selection: that does not widen the job site's own purposes.
    const map = mapWith();
    map.systems = map.systems!.map((s) => (s.id === 'sister-app' ? { ...s, collections: [{ id: 'sister-signup', dataCategories: ['browsing'], method: 'DIRECT', purposes: ['selection'] }] } : s));
    expect((await findingsOfRule(ctx, RULE, map)).get('scoring')?.evidence).toMatchObject({ collections: ['signup'] });
  });

  it('near-miss: every purpose of the derivation is among those of some own collection of the input', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ purposes: ['matching'] }))).size).toBe(0);
    // A second collection of the same input, in another system of the organization, adds the purpose.
    const map = mapWith({}, []);
    map.systems = map.systems!.map((s) => (s.id === 'site-db' ? { ...s, collections: [{ id: 'survey', dataCategories: ['browsing'], method: 'DIRECT', purposes: ['selection'] }] } : s));
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('near-miss: a purpose collected for another category does not count, but only inputs are judged', async () => {
    // The name (not an input) was collected for ads; the input browsing was collected for matching: fires.
    const widened = mapWith({ purposes: ['ads'] }, [{ id: 'ads-form', dataCategories: ['name'], method: 'DIRECT', purposes: ['ads'] }]);
    expect((await findingsOfRule(ctx, RULE, widened)).get('scoring')?.evidence).toMatchObject({ categories: ['browsing'], purposes: ['ads'] });
    // The same derivation reading only the name, collected for ads by ads-form: no finding.
    expect((await findingsOfRule(ctx, RULE, mapWith({ inputs: ['name'], purposes: ['ads'] }, [{ id: 'ads-form', dataCategories: ['name'], method: 'DIRECT', purposes: ['ads'] }]))).size).toBe(0);
  });

  it('near-miss: the organization did not collect the input itself (it received it from another company)', async () => {
    const map = baseMap({
      flows: [{ id: 'site-to-employer', from: 'site-web', to: 'employer-ats', dataCategories: ['browsing'], basis: 'CONSENT' }],
      derivations: [{ id: 'employer-scoring', system: 'employer-ats', inputs: ['browsing'], outputs: ['score'], purposes: ['selection'] }],
    });
    map.systems = map.systems!.map((s) => (s.id === 'site-web' ? { ...s, collections: [{ id: 'signup', dataCategories: ['browsing'], method: 'DIRECT', purposes: ['matching'] }] } : s));
    expect((await findingsOfRule(ctx, RULE, map)).size).toBe(0);
  });

  it('near-miss: a derivation with no purposes', async () => {
    expect((await findingsOfRule(ctx, RULE, mapWith({ purposes: [] }))).size).toBe(0);
  });

  it('with --as-of, leaves out derivations not running that day', async () => {
    const map = mapWith({ validFrom: '2019-03-01', validTo: '2019-07-31' });
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-02-28' })).size).toBe(0);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-03-01' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-07-31' })).size).toBe(1);
    expect((await findingsOfRule(ctx, RULE, map, { asOf: '2019-08-01' })).size).toBe(0);
  });
});
