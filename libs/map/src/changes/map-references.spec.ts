import { smallMap } from '../../../../test/fixtures/small-map';
import { listReferrers, MapReferences } from './map-references';

describe('MapReferences', () => {
  const references = new MapReferences(smallMap());

  it('names every element that refers to another, each once, in map order', () => {
    expect(references.of('purposes', 'matching')).toEqual(['notice "policy"', 'collection "signup"', 'flow "to-model"']);
    expect(references.of('systems', 'model')).toEqual(['flow "to-model"', 'flow "score-out"', 'derivation "decline-model"']);
    expect(references.of('notices', 'policy')).toEqual(['collection "signup"', 'flow "score-out"', 'people entry "cohort-a"', 'people entry "cohort-b"']);
  });

  it('counts shared-use users, which name organizations or groups', () => {
    expect(references.of('groups', 'grp')).toEqual(['organization "site"', 'notice "policy"']);
    expect(references.of('organizations', 'site')).toEqual(['notice "policy"', 'system "site-web"', 'system "model"']);
  });

  it('finds nothing for an element no one refers to', () => {
    expect(references.of('flows', 'to-model')).toEqual([]);
    expect(references.of('purposes', 'unknown')).toEqual([]);
  });
});

describe('listReferrers', () => {
  it('joins a few and counts the rest', () => {
    expect(listReferrers(['a'])).toBe('a');
    expect(listReferrers(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listReferrers(['1', '2', '3', '4', '5', '6', '7'])).toBe('1, 2, 3, 4, 5 and 2 more');
  });
});
