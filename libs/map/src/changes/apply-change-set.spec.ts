import { DataMap } from '../model/data-map';
import { smallMap } from '../../../../test/fixtures/small-map';
import { applyChangeSet } from './apply-change-set';
import { ChangeSet } from './change-set';
import { validateChangeSet } from './change-set-validation';
import { replayElementChanges } from './element-changes';

/** A change set as a user writes it, validated as the service would before applying it. */
function change(doc: Record<string, unknown>): ChangeSet {
  const { change: valid, problems } = validateChangeSet({ tadoru: 1, ...doc });
  expect(problems).toEqual([]);
  return valid as ChangeSet;
}

const problemsOf = (base: DataMap, doc: Record<string, unknown>) => applyChangeSet(base, change(doc)).problems.map((p) => `${p.path}: ${p.message}`);

const broker = { id: 'broker', name: 'Broker KK', country: 'JP', roles: ['DATA_BROKER'] };
const brokerDb = { id: 'broker-db', name: 'Broker list', operator: 'broker' };
const k9 = { id: 'k9-new', from: 'model', to: 'broker-db', dataCategories: ['score'], purposes: ['selection'], basis: 'CONSENT', notice: 'policy' };

describe('applyChangeSet', () => {
  it('appends new elements at the end of their sections and says they were added', () => {
    const base = smallMap();
    const { result, elements, problems } = applyChangeSet(base, change({ upsert: { organizations: [broker], systems: [brokerDb], flows: [k9] } }));
    expect(problems).toEqual([]);
    expect(result?.organizations?.map((o) => o.id)).toEqual(['site', 'employer', 'vendor', 'broker']);
    expect(result?.flows?.map((f) => f.id)).toEqual(['to-model', 'score-out', 'to-backup', 'k9-new']);
    expect(elements.map((e) => `${e.kind} ${e.section} ${e.id}`)).toEqual(['added organizations broker', 'added systems broker-db', 'added flows k9-new']);
    expect(elements[2]).toMatchObject({ before: null, after: k9 });
    expect(base.flows).toHaveLength(3); // the base is left as it was
  });

  it('replaces an existing entry whole where it stands; an identical upsert is no change', () => {
    const base = smallMap();
    const replaced = { id: 'score-out', from: 'model', to: 'ats', dataCategories: ['score'], basis: 'CONSENT', notice: 'policy' };
    const { result, elements } = applyChangeSet(base, change({ upsert: { flows: [replaced], purposes: [{ name: 'Job matching', id: 'matching' }] } }));
    expect(result?.flows?.[1]).toEqual(replaced);
    expect(result?.flows?.map((f) => f.id)).toEqual(['to-model', 'score-out', 'to-backup']);
    expect(elements).toEqual([{ section: 'flows', id: 'score-out', kind: 'changed', before: base.flows![1], after: replaced }]);
  });

  it('retires a flow or derivation by setting validTo', () => {
    const base = smallMap();
    const { result, elements, problems } = applyChangeSet(base, change({ retire: { flows: [{ id: 'to-backup', on: '2020-01-31' }], derivations: [{ id: 'decline-model', on: '2019-07-31' }] } }));
    expect(problems).toEqual([]);
    expect(result?.flows?.[2]).toEqual({ ...base.flows![2], validTo: '2020-01-31' });
    expect(result?.derivations?.[0].validTo).toBe('2019-07-31');
    expect(elements.map((e) => `${e.kind} ${e.section} ${e.id}`)).toEqual(['retired flows to-backup', 'retired derivations decline-model']);
  });

  it('refuses a retire date earlier than the element starts', () => {
    expect(problemsOf(smallMap(), { retire: { flows: [{ id: 'score-out', on: '2019-02-28' }], derivations: [{ id: 'decline-model', on: '2019-01-01' }] } })).toEqual([
      'retire.flows[0].on: 2019-02-28 is before flow "score-out" starts (validFrom 2019-03-01): it cannot end before it began',
      'retire.derivations[0].on: 2019-01-01 is before derivation "decline-model" starts (validFrom 2019-03-01): it cannot end before it began',
    ]);
  });

  it('shortens a planned end, but refuses to end an element later than it already ended', () => {
    const base = smallMap();
    const shortened = applyChangeSet(base, change({ retire: { flows: [{ id: 'score-out', on: '2019-06-30' }] } }));
    expect(shortened.result?.flows?.[1].validTo).toBe('2019-06-30');
    expect(applyChangeSet(base, change({ retire: { flows: [{ id: 'score-out', on: '2019-07-31' }] } })).elements).toEqual([]);
    expect(problemsOf(base, { retire: { flows: [{ id: 'score-out', on: '2020-01-31' }] } })).toEqual([
      'retire.flows[0].on: flow "score-out" already ended on 2019-07-31; to change when it ended, upsert the flow',
    ]);
  });

  it('retires a consent by setting withdrawnAt; the person is the retired element', () => {
    const base = smallMap();
    const { result, elements, problems } = applyChangeSet(base, change({ retire: { consents: [{ person: 'cohort-a', notice: 'policy', on: '2020-01-31' }] } }));
    expect(problems).toEqual([]);
    expect(result?.people?.[0].consents).toEqual([{ notice: 'policy', at: '2019-03-10', withdrawnAt: '2020-01-31' }]);
    expect(elements).toEqual([{ section: 'people', id: 'cohort-a', kind: 'retired', before: base.people![0], after: result?.people?.[0] }]);
  });

  it('treats a consent withdrawn again on the same day as no change, and refuses another day', () => {
    const base = smallMap();
    expect(applyChangeSet(base, change({ retire: { consents: [{ person: 'cohort-b', notice: 'policy', on: '2019-05-01' }] } }))).toEqual({ result: base, elements: [], problems: [] });
    expect(problemsOf(base, { retire: { consents: [{ person: 'cohort-b', notice: 'policy', on: '2019-06-01' }] } })).toEqual([
      'retire.consents[0].on: people entry "cohort-b" already withdrew its consent to notice "policy" on 2019-05-01; to change that date, upsert the people entry',
    ]);
  });

  it('refuses to retire a consent the person does not have, or before it was given', () => {
    const base = smallMap();
    base.notices!.push({ id: 'other', organization: 'site', publishedAt: '2019-01-01' });
    expect(
      problemsOf(base, {
        retire: {
          consents: [
            { person: 'cohort-a', notice: 'other', on: '2020-01-31' },
            { person: 'cohort-a', notice: 'policy', on: '2019-03-01' },
            { person: 'nobody', notice: 'policy', on: '2020-01-31' },
          ],
        },
      }),
    ).toEqual([
      'retire.consents[0].notice: people entry "cohort-a" has no consent to notice "other" to withdraw',
      'retire.consents[1].on: 2019-03-01 is before people entry "cohort-a" consented to notice "policy" (at 2019-03-10): a consent cannot be withdrawn before it was given',
      'retire.consents[2].person: unknown people entry "nobody"',
    ]);
  });

  it('refuses to retire or remove an unknown element, returning no result', () => {
    const applied = applyChangeSet(smallMap(), change({ retire: { flows: [{ id: 'nope', on: '2020-01-01' }] }, remove: { purposes: ['gone'] } }));
    expect(applied.result).toBeUndefined();
    expect(applied.elements).toEqual([]);
    expect(applied.problems).toEqual([
      { path: 'retire.flows[0].id', message: 'unknown flow "nope": there is nothing to retire' },
      { path: 'remove.purposes[0]', message: 'unknown purpose "gone": there is nothing to remove' },
    ]);
  });

  it('removes elements nothing refers to any more', () => {
    const { result, elements, problems } = applyChangeSet(smallMap(), change({ remove: { organizations: ['vendor'], systems: ['backup'], flows: ['to-backup'] } }));
    expect(problems).toEqual([]);
    expect(result?.systems?.map((s) => s.id)).toEqual(['site-web', 'model', 'ats']);
    expect(elements.map((e) => `${e.kind} ${e.section} ${e.id}`)).toEqual(['removed organizations vendor', 'removed systems backup', 'removed flows to-backup']);
  });

  it('refuses to remove an element still referenced, naming every referrer once', () => {
    expect(problemsOf(smallMap(), { remove: { purposes: ['matching'], organizations: ['vendor'], groups: ['grp'] } })).toEqual([
      'remove.groups[0]: group "grp" is still used by organization "site" and notice "policy": change or remove those too',
      'remove.organizations[0]: organization "vendor" is still used by system "backup": change or remove those too',
      'remove.purposes[0]: purpose "matching" is still used by notice "policy", collection "signup" and flow "to-model": change or remove those too',
    ]);
  });

  it('names a referrer that the same change adds', () => {
    const k9OnMatching = { ...k9, to: 'ats', purposes: ['matching'] };
    expect(problemsOf(smallMap(), { upsert: { flows: [k9OnMatching], notices: [{ id: 'policy', organization: 'site', publishedAt: '2019-03-01' }], systems: [{ id: 'site-web', name: 'Job site', operator: 'site' }] }, remove: { purposes: ['matching'] } })).toEqual([
      'remove.purposes[0]: purpose "matching" is still used by flow "to-model" and flow "k9-new": change or remove those too',
    ]);
  });

  it('reports every problem of the resulting map at its path in the change', () => {
    expect(problemsOf(smallMap(), { upsert: { flows: [{ ...k9, to: 'dmp', dataCategories: ['score', 'nope'] }], people: [{ id: 'cohort-c', subject: 'student', consents: [{ notice: 'gone', at: '2019-01-01' }] }] } })).toEqual([
      'upsert.flows[0].to: unknown system "dmp"',
      'upsert.flows[0].dataCategories[1]: unknown data category "nope"',
      'upsert.people[0].consents[0].notice: unknown notice "gone"',
    ]);
  });

  it('lists problems in the order of the change document', () => {
    expect(problemsOf(smallMap(), { remove: { purposes: ['gone'] }, retire: { flows: [{ id: 'nope', on: '2020-01-01' }] }, upsert: { flows: [{ ...k9, to: 'dmp' }] } })).toEqual([
      'upsert.flows[0].to: unknown system "dmp"',
      'retire.flows[0].id: unknown flow "nope": there is nothing to retire',
      'remove.purposes[0]: unknown purpose "gone": there is nothing to remove',
    ]);
  });

  it('reports a problem in a stored entry the change does not touch by that entry, and never drops it', () => {
    const base = smallMap();
    base.systems![3].collections = [{ id: 'bk', dataCategories: ['name'], method: 'THIRD_PARTY' }];
    const siteWeb = { id: 'site-web', name: 'Job site', operator: 'site', collections: [{ id: 'bk', dataCategories: ['name'], method: 'DIRECT' }] };
    expect(applyChangeSet(base, change({ upsert: { systems: [siteWeb] } })).problems).toEqual([
      {
        path: 'systems["backup"].collections[0].id',
        message: 'duplicate id "bk": already defined at upsert.systems[0].collections[0].id (in the stored system "backup", which the change leaves as it is)',
      },
    ]);
  });

  it('records changes that replay on the base to exactly the result', () => {
    const base = smallMap();
    const applied = applyChangeSet(
      base,
      change({
        upsert: { organizations: [broker], systems: [brokerDb, { id: 'model', name: 'Scoring model v2', operator: 'site' }], flows: [k9] },
        retire: { flows: [{ id: 'score-out', on: '2019-07-01' }], consents: [{ person: 'cohort-a', notice: 'policy', on: '2020-01-31' }] },
        remove: { flows: ['to-backup'] },
      }),
    );
    expect(applied.problems).toEqual([]);
    expect(replayElementChanges(base, applied.elements)).toEqual(applied.result);
    expect(JSON.stringify(replayElementChanges(base, applied.elements))).toBe(JSON.stringify(applied.result));
  });

  it.each([
    ['an addition to a section the map does not have', { upsert: { derivations: [{ id: 'd2', system: 'model', inputs: ['name'], outputs: ['score'] }] } }, (m: DataMap) => delete m.derivations],
    ['the removal of every entry of a section', { remove: { derivations: ['decline-model'] } }, () => undefined],
    ['an identical upsert beside a real change', { upsert: { purposes: [{ id: 'matching', name: 'Job matching' }, { id: 'selection', name: 'Choosing' }] } }, () => undefined],
    ['two consents of one person withdrawn at once', { retire: { consents: [{ person: 'cohort-a', notice: 'policy', on: '2020-01-31' }, { person: 'cohort-a', notice: 'policy-2', on: '2020-02-01' }] } }, (m: DataMap) => {
      m.notices!.push({ id: 'policy-2', organization: 'site', publishedAt: '2019-06-01' });
      m.people![0].consents!.push({ notice: 'policy-2', at: '2019-06-02' });
    }],
  ] as Array<[string, Record<string, unknown>, (m: DataMap) => unknown]>)('replays %s to exactly the result', (_, doc, prepare) => {
    const base = smallMap();
    prepare(base);
    const applied = applyChangeSet(base, change(doc));
    expect(applied.problems).toEqual([]);
    expect(applied.elements.length).toBeGreaterThan(0);
    expect(JSON.stringify(replayElementChanges(base, applied.elements))).toBe(JSON.stringify(applied.result));
  });
});
