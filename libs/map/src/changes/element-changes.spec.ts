import { smallMap } from '../../../../test/fixtures/small-map';
import { applyChangeSet } from './apply-change-set';
import { ElementChange } from './change-set';
import { canonicalJson, changeSetOf, countElements, elementChangesBetween, replayElementChanges } from './element-changes';

describe('canonicalJson', () => {
  it('is the same whatever the key order, and leaves undefined values out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
  });
});

describe('elementChangesBetween (what an import amounts to)', () => {
  const base = smallMap();
  const result = smallMap();
  result.flows = result.flows!.filter((f) => f.id !== 'to-backup');
  result.flows![0] = { ...result.flows![0], purposes: ['matching', 'selection'] };
  result.purposes!.push({ id: 'ads', name: 'Advertising' });
  // the same entry with its keys in another order is not a change
  result.subjects = [{ jobSeeker: true, name: 'Students', id: 'student' }];

  it('lists added, changed and removed elements per section and id', () => {
    const changes = elementChangesBetween(base, result);
    expect(changes.map((e) => `${e.kind} ${e.section} ${e.id}`)).toEqual(['added purposes ads', 'changed flows to-model', 'removed flows to-backup']);
    expect(changes[2]).toEqual({ section: 'flows', id: 'to-backup', kind: 'removed', before: base.flows![2], after: null });
    expect(countElements(changes)).toEqual({ added: 1, changed: 1, retired: 0, removed: 1 });
  });

  it('is empty for identical maps', () => {
    expect(elementChangesBetween(base, smallMap())).toEqual([]);
  });

  it('amounts to a change set that, applied to the base, gives the same elements', () => {
    const change = changeSetOf(elementChangesBetween(base, result), 'import of small.yaml');
    expect(change).toEqual({
      tadoru: 1,
      description: 'import of small.yaml',
      upsert: { purposes: [{ id: 'ads', name: 'Advertising' }], flows: [result.flows![0]] },
      retire: {},
      remove: { flows: ['to-backup'] },
    });
    const applied = applyChangeSet(base, change);
    expect(applied.problems).toEqual([]);
    expect(elementChangesBetween(result, applied.result!)).toEqual([]);
  });
});

describe('replayElementChanges', () => {
  it('replaces, appends and removes by the recorded after-states, leaving the input as it was', () => {
    const base = smallMap();
    const elements: ElementChange[] = [
      { section: 'purposes', id: 'ads', kind: 'added', before: null, after: { id: 'ads', name: 'Advertising' } },
      { section: 'purposes', id: 'matching', kind: 'changed', before: base.purposes![0] as never, after: { id: 'matching', name: 'Matching' } },
      { section: 'groups', id: 'g2', kind: 'added', before: null, after: { id: 'g2', name: 'G2' } },
      { section: 'flows', id: 'to-model', kind: 'removed', before: base.flows![0] as never, after: null },
    ];
    const replayed = replayElementChanges(base, elements);
    expect(replayed.purposes).toEqual([
      { id: 'matching', name: 'Matching' },
      { id: 'selection', name: 'Selection' },
      { id: 'ads', name: 'Advertising' },
    ]);
    expect(replayed.groups?.map((g) => g.id)).toEqual(['grp', 'g2']);
    expect(replayed.flows?.map((f) => f.id)).toEqual(['score-out', 'to-backup']);
    expect(base).toEqual(smallMap());
  });

  it('adds a section the map did not have', () => {
    const base = smallMap();
    delete base.derivations;
    const replayed = replayElementChanges(base, [{ section: 'derivations', id: 'd', kind: 'added', before: null, after: { id: 'd', system: 'model', inputs: ['name'], outputs: ['score'] } }]);
    expect(replayed.derivations).toEqual([{ id: 'd', system: 'model', inputs: ['name'], outputs: ['score'] }]);
  });
});
